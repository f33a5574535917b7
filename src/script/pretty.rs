//! Values as the shell and the debugger print them: rhai's own text when it fits a line, else
//! one item per line, indented (as Python's `pprint` breaks a long list of dicts).

use rhai::{Array, Dynamic, Map};

/// The widest a value may print on one line.
const WIDTH: usize = 100;

/// `v` as text: one line if it fits, else broken into indented lines.
pub fn pretty(v: &Dynamic) -> String {
    pretty_at(v, 0)
}

fn pretty_at(v: &Dynamic, indent: usize) -> String {
    let flat = format!("{v:?}");
    if indent + flat.chars().count() <= WIDTH {
        return flat;
    }
    let pad = " ".repeat(indent + 2);
    if let Some(items) = v.read_lock::<Array>() {
        let lines: Vec<String> = items.iter().map(|i| format!("{pad}{},", pretty_at(i, indent + 2))).collect();
        return format!("[\n{}\n{}]", lines.join("\n"), " ".repeat(indent));
    }
    if let Some(map) = v.read_lock::<Map>() {
        let lines: Vec<String> =
            map.iter().map(|(k, i)| format!("{pad}{k:?}: {},", pretty_at(i, indent + 4 + k.len()))).collect();
        return format!("#{{\n{}\n{}}}", lines.join("\n"), " ".repeat(indent));
    }
    flat
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_stay_on_one_line_and_long_ones_break() {
        let short: Dynamic = vec![Dynamic::from_int(1), Dynamic::from_int(2)].into();
        assert_eq!(pretty(&short), "[1, 2]");
        let row = |i: i64| {
            let mut m = Map::new();
            m.insert("subject_id".into(), Dynamic::from(format!("subject-{i}")));
            m.insert("weight".into(), Dynamic::from_float(i as f64 / 2.0));
            Dynamic::from_map(m)
        };
        let long: Dynamic = (0..4).map(row).collect::<Array>().into();
        assert_eq!(
            pretty(&long),
            "[\n  #{\"subject_id\": \"subject-0\", \"weight\": 0.0},\n  #{\"subject_id\": \"subject-1\", \"weight\": 0.5},\n  \
             #{\"subject_id\": \"subject-2\", \"weight\": 1.0},\n  #{\"subject_id\": \"subject-3\", \"weight\": 1.5},\n]"
        );
    }
}
