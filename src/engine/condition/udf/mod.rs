//! The SQLite functions translations call, each giving a MySQL function or operator its MySQL
//! meaning. All are deterministic except where noted; NULL in gives NULL out unless MySQL says
//! otherwise (`<=>`, CONCAT_WS, IN with a match).

pub mod compare;
pub mod json;
pub mod like;
pub mod numeric;
pub mod stats;
pub mod temporal;
pub mod text;
pub mod value;

use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::Value;
use rusqlite::Connection;

type Scalar = fn(&Context<'_>) -> rusqlite::Result<Value>;

/// Name, argument count (-1: any), implementation.
const SCALARS: &[(&str, i32, Scalar)] = &[
    ("mysql_cmp", 2, compare::mysql_cmp),
    ("mysql_num", 1, compare::mysql_num),
    ("mysql_in", -1, compare::mysql_in),
    ("mysql_between", 3, compare::mysql_between),
    ("mysql_nseq", 2, compare::mysql_nseq),
    ("mysql_nullif", 2, compare::mysql_nullif),
    ("mysql_greatest", -1, compare::mysql_greatest),
    ("mysql_least", -1, compare::mysql_least),
    ("mysql_strcmp", 2, compare::mysql_strcmp),
    ("mysql_like", -1, like::mysql_like),
    ("mysql_regexp", 2, like::mysql_regexp),
    ("mysql_div", 2, numeric::mysql_div),
    ("mysql_intdiv", 2, numeric::mysql_intdiv),
    ("mysql_mod", 2, numeric::mysql_mod),
    ("mysql_round", -1, numeric::mysql_round),
    ("mysql_truncate", 2, numeric::mysql_truncate),
    ("mysql_floor", 1, numeric::mysql_floor),
    ("mysql_ceil", 1, numeric::mysql_ceil),
    ("mysql_pow", 2, numeric::mysql_pow),
    ("mysql_log", 2, numeric::mysql_log),
    ("mysql_sqrt", 1, |c| numeric::unary(c, |x| (x >= 0.0).then(|| x.sqrt()))),
    ("mysql_exp", 1, |c| numeric::unary(c, |x| Some(x.exp()))),
    ("mysql_ln", 1, |c| numeric::unary(c, |x| (x > 0.0).then(|| x.ln()))),
    ("mysql_log10", 1, |c| numeric::unary(c, |x| (x > 0.0).then(|| x.log10()))),
    ("mysql_log2", 1, |c| numeric::unary(c, |x| (x > 0.0).then(|| x.log2()))),
    ("mysql_cast_int", 2, numeric::mysql_cast_int),
    ("mysql_bitxor", 2, numeric::mysql_bitxor),
    ("mysql_substr", -1, text::mysql_substr),
    ("mysql_left", 2, text::mysql_left),
    ("mysql_right", 2, text::mysql_right),
    ("mysql_trim", 3, text::mysql_trim),
    ("mysql_upper", 1, text::mysql_upper),
    ("mysql_lower", 1, text::mysql_lower),
    ("mysql_text", 1, text::mysql_text),
    ("mysql_concat_ws", -1, text::mysql_concat_ws),
    ("mysql_locate", -1, text::mysql_locate),
    ("mysql_repeat", 2, text::mysql_repeat),
    ("mysql_reverse", 1, text::mysql_reverse),
    ("mysql_pad", 4, text::mysql_pad),
    ("mysql_date", 1, temporal::mysql_date),
    ("mysql_datetime", 1, temporal::mysql_datetime),
    ("mysql_time", 1, temporal::mysql_time),
    ("mysql_part", 2, temporal::mysql_part),
    ("mysql_date_add", 3, temporal::mysql_date_add),
    ("mysql_datediff", 2, temporal::mysql_datediff),
    ("mysql_timestampdiff", 3, temporal::mysql_timestampdiff),
    ("mysql_last_day", 1, temporal::mysql_last_day),
    ("mysql_date_format", 2, temporal::mysql_date_format),
    ("mysql_json_extract", 3, json::mysql_json_extract),
    ("mysql_json_unquote", 1, json::mysql_json_unquote),
];

/// Register every function on `conn`.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    for &(name, n, f) in SCALARS {
        conn.create_scalar_function(name, n, flags, f)?;
    }
    for (name, sample, root) in [
        ("mysql_var_pop", false, false),
        ("mysql_var_samp", true, false),
        ("mysql_std_pop", false, true),
        ("mysql_std_samp", true, true),
    ] {
        conn.create_aggregate_function(name, 1, flags, stats::Spread { sample, root })?;
    }
    Ok(())
}
