//! Grades as text, as JSON shaped like exercism's results.json (version 3), and as JUnit XML.

use serde_json::json;

use super::grade::Grade;
use super::verify::Verified;

/// How `check` and `verify` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// exercism's results.json v3: `status`, `message`, `tests[]`.
    Json,
    /// JUnit XML, for CI.
    Junit,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "junit" => Ok(Format::Junit),
            other => Err(format!("unknown format '{other}' (text, json or junit)")),
        }
    }
}

/// One graded exercise with its title, for reports.
pub struct Graded<'a> {
    /// The grade.
    pub grade: &'a Grade,
    /// The exercise's title.
    pub title: &'a str,
}

/// The report of several grades in `format`.
pub fn render(grades: &[Graded<'_>], format: Format) -> String {
    match format {
        Format::Text => text(grades),
        Format::Json => json_report(grades),
        Format::Junit => junit(grades),
    }
}

fn text(grades: &[Graded<'_>]) -> String {
    let mut out = String::new();
    for g in grades {
        let mark = if g.grade.passed() { "PASS" } else { "FAIL" };
        out.push_str(&format!("{mark} {} — {}\n", g.grade.id, g.title));
        for c in &g.grade.checks {
            if c.passed {
                out.push_str(&format!("  ✓ {}\n", c.name));
            } else {
                out.push_str(&format!("  ✗ {}: {}\n", c.name, c.message));
            }
        }
        if let Some(e) = &g.grade.error {
            let last = e.lines().last().unwrap_or_default();
            out.push_str(&format!("  your script stopped: {last}\n"));
        }
        for h in &g.grade.hints {
            out.push_str(&format!("  hint: {h}\n"));
        }
    }
    let passed = grades.iter().filter(|g| g.grade.passed()).count();
    out.push_str(&format!("{passed} of {} exercise{} pass\n", grades.len(), if grades.len() == 1 { "" } else { "s" }));
    out
}

fn json_report(grades: &[Graded<'_>]) -> String {
    let all = grades.iter().all(|g| g.grade.passed());
    let tests: Vec<_> = grades
        .iter()
        .flat_map(|g| {
            g.grade.checks.iter().map(move |c| {
                json!({
                    "name": format!("{}: {}", g.grade.id, c.name),
                    "status": if c.passed { "pass" } else { "fail" },
                    "message": if c.passed { serde_json::Value::Null } else { c.message.clone().into() },
                    "output": g.grade.output.join("\n"),
                })
            })
        })
        .collect();
    let failing: Vec<&str> = grades.iter().filter(|g| !g.grade.passed()).map(|g| g.grade.id.as_str()).collect();
    let message =
        if failing.is_empty() { serde_json::Value::Null } else { format!("failing: {}", failing.join(", ")).into() };
    let output = match grades {
        [one] => one.grade.output.join("\n").into(),
        _ => serde_json::Value::Null,
    };
    let report = json!({"version": 3, "status": if all { "pass" } else { "fail" }, "message": message, "output": output, "tests": tests});
    format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default())
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

fn junit(grades: &[Graded<'_>]) -> String {
    let total: usize = grades.iter().map(|g| g.grade.checks.len()).sum();
    let failed: usize = grades.iter().map(|g| g.grade.checks.iter().filter(|c| !c.passed).count()).sum();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"djsandbox\" tests=\"{total}\" failures=\"{failed}\">\n"
    );
    for g in grades {
        let n = g.grade.checks.len();
        let f = g.grade.checks.iter().filter(|c| !c.passed).count();
        out.push_str(&format!("  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{f}\">\n", xml(&g.grade.id)));
        for c in &g.grade.checks {
            let name = format!("name=\"{}\" classname=\"{}\"", xml(&c.name), xml(&g.grade.id));
            if c.passed {
                out.push_str(&format!("    <testcase {name}/>\n"));
            } else {
                out.push_str(&format!(
                    "    <testcase {name}>\n      <failure message=\"{}\"/>\n    </testcase>\n",
                    xml(&c.message)
                ));
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// `verify`'s report in `format`.
pub fn render_verified(found: &[Verified], format: Format) -> String {
    let bad = found.iter().filter(|v| !v.problems.is_empty()).count();
    match format {
        Format::Text => {
            let mut out = String::new();
            for v in found {
                if v.problems.is_empty() {
                    out.push_str(&format!("ok   {}\n", v.id));
                } else {
                    out.push_str(&format!("FAIL {} — {}\n", v.id, v.title));
                    v.problems.iter().for_each(|p| out.push_str(&format!("     {p}\n")));
                }
            }
            out.push_str(&format!("{} exercises, {bad} with problems\n", found.len()));
            out
        }
        Format::Json => {
            let items: Vec<_> = found
                .iter()
                .map(|v| {
                    let status = if v.problems.is_empty() { "pass" } else { "fail" };
                    json!({"name": v.id, "status": status, "message": v.problems.join("; ")})
                })
                .collect();
            let report = json!({"version": 3, "status": if bad == 0 { "pass" } else { "fail" }, "tests": items});
            format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default())
        }
        Format::Junit => {
            let mut out = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"verify\" tests=\"{}\" failures=\"{bad}\">\n",
                found.len()
            );
            for v in found {
                if v.problems.is_empty() {
                    out.push_str(&format!("  <testcase name=\"{}\"/>\n", xml(&v.id)));
                } else {
                    let message = xml(&v.problems.join("; "));
                    out.push_str(&format!(
                        "  <testcase name=\"{}\"><failure message=\"{message}\"/></testcase>\n",
                        xml(&v.id)
                    ));
                }
            }
            out.push_str("</testsuite>\n");
            out
        }
    }
}
