//! pynwb's `repr` of an object read from a file (hdmf's `AbstractContainer.__repr__`): the name,
//! the class, `at 0x` and the object's `id()` in decimal, then its set fields in alphabetical
//! order, datasets shown as h5py prints them. Checked against pynwb 3.1.3.

use super::{Container, Series, SeriesType};
use crate::engine::py::float_repr;

/// A series' text.
pub fn series(s: &Series, address: u64) -> String {
    let shape = match s.width {
        Some(w) => format!("({}, {w})", s.len()),
        None => format!("({},)", s.len()),
    };
    let mut fields = vec![
        ("comments", s.comments.clone()),
        ("conversion", float_repr(s.conversion)),
        ("data", format!("<HDF5 dataset \"data\": shape {shape}, type \"{}\">", s.dtype.code())),
        ("description", s.description.clone()),
        ("interval", "1".into()),
        ("offset", "0.0".into()),
        ("resolution", "-1.0".into()),
        ("timestamps", format!("<HDF5 dataset \"timestamps\": shape ({},), type \"<f8\">", s.len())),
        ("timestamps_unit", "seconds".into()),
        ("unit", s.unit.clone()),
    ];
    if s.kind == SeriesType::ElectricalSeries {
        fields.push(("electrodes", "electrodes <class 'hdmf.common.table.DynamicTableRegion'>".into()));
    }
    if let Some(frame) = &s.reference_frame {
        fields.push(("reference_frame", frame.clone()));
    }
    fields.sort_by_key(|(name, _)| *name);
    let mut out = header(&s.name, s.kind.module(), s.kind.name(), address);
    for (name, value) in fields {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out
}

/// A container's text: its series by name and class.
pub fn container(c: &Container, address: u64) -> String {
    let mut out = header(&c.name, c.kind.module(), c.kind.name(), address);
    let items: Vec<String> =
        c.series.iter().map(|s| format!("    {} <class '{}.{}'>", s.name, s.kind.module(), s.kind.name())).collect();
    out.push_str(&format!("  {}: {{\n{}\n  }}\n", c.kind.field(), items.join(",\n")));
    out
}

fn header(name: &str, module: &str, class: &str, address: u64) -> String {
    format!("{name} {module}.{class} at 0x{address}\nFields:\n")
}
