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
    if let Some(text) = object_text(v) {
        return text;
    }
    let flat = flat(v);
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

/// A frame or an NWB object prints as pandas or pynwb would (several lines).
fn object_text(v: &Dynamic) -> Option<String> {
    if let Some(f) = v.read_lock::<crate::engine::frame::Frame>() {
        return Some(f.repr());
    }
    v.read_lock::<super::nwb::Nwb>().map(|o| o.repr())
}

/// Does `v` hold a frame or an NWB object, at any depth?
fn holds_object(v: &Dynamic) -> bool {
    if let Some(items) = v.read_lock::<Array>() {
        return items.iter().any(holds_object);
    }
    if let Some(map) = v.read_lock::<Map>() {
        return map.values().any(holds_object);
    }
    v.is::<crate::engine::frame::Frame>() || v.is::<super::nwb::Nwb>()
}

/// rhai's one-line text, with frames and NWB objects inside lists and maps as they print.
fn flat(v: &Dynamic) -> String {
    if !holds_object(v) {
        return format!("{v:?}");
    }
    if let Some(text) = object_text(v) {
        return text;
    }
    if let Some(items) = v.read_lock::<Array>() {
        return format!("[{}]", items.iter().map(flat).collect::<Vec<_>>().join(", "));
    }
    match v.read_lock::<Map>() {
        Some(map) => {
            format!("#{{{}}}", map.iter().map(|(k, i)| format!("{k:?}: {}", flat(i))).collect::<Vec<_>>().join(", "))
        }
        None => format!("{v:?}"),
    }
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

    #[test]
    fn frames_inside_maps_print_as_pandas_prints_them() {
        use crate::engine::frame::{Dtype, Frame};
        use crate::engine::Value;
        let f =
            Frame::with_index("time", vec![Value::Float(0.5)], vec![(Value::Int(0), Dtype::Int, vec![Value::Int(3)])])
                .unwrap();
        let mut m = Map::new();
        m.insert("df".into(), Dynamic::from(f));
        assert_eq!(pretty(&Dynamic::from_map(m)), "#{\"df\":       0\ntime   \n0.5   3}");
    }
}
