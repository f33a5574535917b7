//! Edge cases of the Interval math, each expected value printed by Spyglass 0.6.0 (numpy 1.26)
//! for the same call.

use super::*;
use crate::engine::{Error, Value};

fn list(rows: &[[f64; 2]]) -> Value {
    Value::List(rows.iter().map(|r| Value::List(vec![Value::Float(r[0]), Value::Float(r[1])])).collect())
}

fn ints(rows: &[[i64; 2]]) -> Value {
    Value::List(rows.iter().map(|r| Value::List(vec![Value::Int(r[0]), Value::Int(r[1])])).collect())
}

/// `Interval(value)` with the defaults, and its warnings.
fn make(v: Value) -> (Interval, Vec<String>) {
    let mut logged = Vec::new();
    let times = extract(&v).unwrap();
    let i =
        Interval::new(times, Identity::default(), Keywords::default(), true, &mut |_, m| logged.push(m.to_string()))
            .unwrap();
    (i, logged)
}

fn iv(rows: &[[f64; 2]]) -> Interval {
    make(list(rows)).0
}

fn err(e: Error) -> String {
    format!("{}: {}", e.kind, e.message)
}

#[test]
fn construction_sorts_drops_repeats_and_warns_of_overlaps() {
    let (i, log) = make(list(&[[1.0, 2.0], [1.0, 2.0], [0.0, 0.5]]));
    assert_eq!(i.repr(), "Interval([0.  0.5]\n\t[1. 2.])");
    assert!(log.is_empty());
    let (i, log) = make(ints(&[[3, 4], [0, 10]]));
    assert_eq!(i.repr(), "Interval([ 0 10]\n\t[3 4])");
    assert_eq!(log, ["Found overlap(s). Use no_overlap flag to consolidate or not: [ 0, 10] [3, 4] vs [ 0, 10]"]);
    let (i, _) = make(Value::List(vec![Value::Float(1.0), Value::Float(2.0)]));
    assert_eq!(i.repr(), "Interval([1. 2.])");
    assert_eq!(make(Value::List(vec![])).0.repr(), "Interval()");
    assert_eq!(make(Value::Null).0.len(), 0);
}

#[test]
fn bad_lists_fail_as_numpy_and_spyglass_say() {
    let e = |v: Value| err(extract(&v).unwrap_err());
    let f = |x: &[f64]| Value::List(x.iter().map(|v| Value::Float(*v)).collect());
    assert_eq!(e(f(&[1.0, 2.0, 3.0, 4.0])), "ValueError: Intervals must have shape (N, 2). Got shape (1, 4).");
    assert_eq!(e(f(&[3.0, 2.0, 1.0, 0.0])), format!("ValueError: {}", array::UNORDERED));
    assert_eq!(e(list(&[[2.0, 1.0]])), format!("ValueError: {}", array::UNORDERED));
    assert_eq!(
        e(Value::List(vec![list(&[[1.0, 2.0]]).clone(), Value::Float(3.0)])),
        "ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after \
         1 dimensions. The detected shape was (2,) + inhomogeneous part."
    );
    assert_eq!(
        e(Value::List(vec![Value::List(vec![])])),
        "ValueError: Intervals must have shape (N, 2). Got shape (1, 0)."
    );
    let nested = Value::List(vec![Value::List(vec![f(&[1.0, 2.0])])]);
    assert_eq!(e(nested), "ValueError: Intervals must have shape (N, 2). Got shape (1, 1, 2).");
    assert_eq!(e(Value::Str("abc".into())), "TypeError: Unrecognized interval_list type: <class 'str'>");
    assert_eq!(e(Value::Int(5)), "TypeError: len() of unsized object");
    let strs = Value::List(vec![Value::List(vec![Value::Str("a".into()), Value::Str("bc".into())])]);
    assert_eq!(
        e(strs),
        "UFuncTypeError: ufunc 'subtract' did not contain a loop with signature matching types (dtype('<U2'), \
         dtype('<U2')) -> None"
    );
    let none = Value::List(vec![Value::List(vec![Value::Int(1), Value::Null])]);
    assert_eq!(e(none), "TypeError: unsupported operand type(s) for -: 'NoneType' and 'int'");
}

#[test]
fn consolidate_merges_overlaps_but_not_touching_or_empty_rows() {
    let a = iv(&[[0.0, 2.0], [1.0, 3.0], [5.0, 6.0], [6.0, 7.0], [8.0, 8.0], [7.5, 7.6]]);
    assert_eq!(a.consolidate().unwrap().repr(), "Interval([0. 3.]\n\t[5. 6.]\n\t[6. 7.]\n\t[7.5 7.6]\n\t[8. 8.])");
    assert_eq!(iv(&[[1.0, 1.0], [0.0, 2.0]]).consolidate().unwrap().repr(), "Interval([0. 2.]\n\t[1. 1.])");
    assert_eq!(iv(&[[0.0, 10.0], [2.0, 3.0]]).consolidate().unwrap().repr(), "Interval([ 0. 10.])");
    assert_eq!(iv(&[]).consolidate().unwrap().repr(), "Interval()");
    // What a filter leaves is a (0, 2) array, which Spyglass cannot consolidate.
    let none_left = iv(&[[0.0, 1.0]]).by_length(Some(5.0), None).unwrap();
    assert!(!none_left.times.is_flat());
    assert_eq!(
        err(none_left.consolidate().unwrap_err()),
        "TypeError: reduce() of empty iterable with no initial value"
    );
}

#[test]
fn by_length_keeps_lengths_strictly_inside_its_bounds() {
    let a = iv(&[[0.0, 0.5], [1.0, 1.6], [2.0, 4.0]]);
    assert_eq!(a.by_length(Some(0.5), None).unwrap().repr(), "Interval([1.  1.6]\n\t[2. 4.])");
    assert_eq!(a.by_length(Some(0.5), Some(2.0)).unwrap().repr(), "Interval([1.  1.6])");
    assert_eq!(iv(&[[8.0, 8.0]]).by_length(None, None).unwrap().len(), 0);
    assert!(iv(&[]).by_length(Some(1.0), None).unwrap().times.is_flat());
    let i = make(ints(&[[0, 5], [6, 7]])).0.by_length(Some(1.0), None).unwrap();
    assert_eq!(i.repr(), "Interval([0 5])");
}

#[test]
fn intersect_union_and_subtract() {
    let a = iv(&[[0.0, 2.0], [3.0, 6.0], [8.0, 10.0]]);
    let b = iv(&[[1.0, 4.0], [5.0, 9.0]]);
    let ab = "Interval([1. 2.]\n\t[3. 4.]\n\t[5. 6.]\n\t[8. 9.])";
    assert_eq!(a.intersect(&b.times, None).unwrap().repr(), ab);
    assert_eq!(b.intersect(&a.times, None).unwrap().repr(), ab);
    assert!(!a.intersect(&b.times, Some(1.0)).unwrap().times.is_flat());
    assert!(a.intersect(&iv(&[[2.0, 3.0]]).times, None).unwrap().times.is_flat());
    let out = iv(&[[0.0, 10.0], [20.0, 30.0]]).intersect(&list_times(&[[25.0, 26.0], [1.0, 2.0], [5.0, 21.0]]), None);
    assert_eq!(out.unwrap().repr(), "Interval([1. 2.]\n\t[ 5. 10.]\n\t[20. 21.]\n\t[25. 26.])");
    assert_eq!(a.union(&b.times).unwrap().repr(), "Interval([ 0. 10.])");
    assert_eq!(a.union(&list_times(&[[2.0, 3.0]])).unwrap().repr(), "Interval([0. 6.]\n\t[ 8. 10.])");
    assert!(iv(&[]).union(&Times::empty()).unwrap().times.is_flat());
    assert_eq!(a.subtract(&b.times, false, None, None).unwrap().repr(), "Interval([0. 1.]\n\t[3. 5.]\n\t[ 8. 10.])");
    assert_eq!(a.subtract(&b.times, true, None, None).unwrap().repr(), "Interval([2. 3.]\n\t[5. 8.])");
    assert!(a.subtract(&a.times, false, None, None).unwrap().times.is_flat());
    assert!(!a.subtract(&b.times, false, Some(5.0), None).unwrap().times.is_flat());
    let docs = make(ints(&[[0, 5], [8, 10]])).0;
    let out = docs.subtract(&extract(&ints(&[[1, 2], [3, 4], [6, 9]])).unwrap(), false, None, None).unwrap();
    assert_eq!(out.repr(), "Interval([0 1]\n\t[2 3]\n\t[4 5]\n\t[ 9 10])");
}

fn list_times(rows: &[[f64; 2]]) -> Times {
    extract(&list(rows)).unwrap()
}

#[test]
fn picks_keep_their_dtype() {
    // An int row cut by float bounds stays int where the int bounds win.
    let i = make(ints(&[[0, 5]])).0;
    assert_eq!(i.intersect(&list_times(&[[1.5, 3.0]]), None).unwrap().repr(), "Interval([1.5 3. ])");
    assert_eq!(i.intersect(&list_times(&[[-1.0, 6.0]]), None).unwrap().repr(), "Interval([0 5])");
    assert_eq!(i.union(&Times::empty()).unwrap().repr(), "Interval([0. 5.])");
}

#[test]
fn timestamps() {
    let a = iv(&[[0.0, 2.0], [3.0, 6.0], [8.0, 10.0]]);
    let ts = Stamps { values: vec![0.5, 1.0, 2.5, 3.0, 7.0, 9.0, 11.0], int: false };
    assert_eq!(a.contains(&ts, false, None).unwrap().values, [0.5, 1.0, 3.0, 9.0]);
    assert_eq!(a.contains(&ts, true, None).unwrap().values, [0.0, 1.0, 3.0, 5.0]);
    assert_eq!(a.excludes(&ts, false).values, [2.5, 7.0, 11.0]);
    assert_eq!(a.excludes(&ts, true).values, [2.0, 4.0, 6.0]);
    assert_eq!(
        a.censor(&Stamps { values: vec![1.0, 3.5, 9.0], int: false }).unwrap().repr(),
        "Interval([1. 2.]\n\t[3. 6.]\n\t[8. 9.])"
    );
    let two = iv(&[[0.0, 1.0], [2.0, 3.0]]);
    let ts = Stamps { values: vec![0.5, 1.0, 2.5, 9.0], int: false };
    assert_eq!(two.contains(&ts, true, Some(1.0)).unwrap().values, [0.0, 1.0, 3.0]);
    assert_eq!(two.contains(&ts, false, Some(1.0)).unwrap().values, [-0.5, 1.0, 3.5]);
    let grid = Stamps { values: (0..12).map(f64::from).collect(), int: false };
    assert_eq!(a.to_indices(&grid), [[0, 2], [3, 6], [8, 10]]);
    let idx = make(ints(&[[0, 2], [3, 5]])).0;
    let secs = idx.to_seconds(&Stamps { values: vec![10.0, 10.5, 11.0, 11.5, 12.0, 12.5], int: false }).unwrap();
    assert_eq!(secs.iter().map(|r| [r[0].value, r[1].value]).collect::<Vec<_>>(), [[10.0, 11.0], [11.5, 12.5]]);
    assert_eq!(err(a.to_seconds(&grid).unwrap_err()).split(':').next(), Some("IndexError"));
    let inds = Value::List([5, 1, 2, 3, 5].iter().map(|i| Value::Int(*i)).collect());
    assert_eq!(repr::repr(&stamps::from_inds(&inds).unwrap()), "Interval([1 3]\n\t[5 5])");
}

#[test]
fn rows_print_as_numpy_prints_them() {
    let row = |a: f64, b: f64| repr::row(&[a, b], false, " ");
    assert_eq!(row(0.0, 1.5), "[0.  1.5]");
    assert_eq!(row(1.0 / 3.0, 2.0 / 3.0), "[0.33333333 0.66666667]");
    assert_eq!(row(1687449598.0, 1687449897.5), "[1.6874496e+09 1.6874499e+09]");
    assert_eq!(row(1687449598.0, 1687450858.0), "[1.68744960e+09 1.68745086e+09]");
    assert_eq!(row(1.0, 1000.0), "[   1. 1000.]");
    assert_eq!(row(1.0, 1001.0), "[1.000e+00 1.001e+03]");
    assert_eq!(row(0.0, 5e-5), "[0.e+00 5.e-05]");
    assert_eq!(row(-10.0, -2.5), "[-10.   -2.5]");
    assert_eq!(row(1e100, 1.0), "[1.e+100 1.e+000]");
    assert_eq!(row(f64::INFINITY, 1.0), "[inf  1.]");
    assert_eq!(row(f64::NEG_INFINITY, f64::INFINITY), "[-inf  inf]");
    assert_eq!(row(0.0001, 0.1), "[0.0001 0.1   ]");
    assert_eq!(row(2.5e9, 1e9), "[2.5e+09 1.0e+09]");
    assert_eq!(row(0.1 + 0.2, 1.0), "[0.3 1. ]");
    // An exact tie at the eighth digit rounds to even, as numpy's Dragon4 does.
    assert_eq!(row(1.0 / 512.0, 0.01), "[0.00195312 0.01      ]");
    assert_eq!(row(3.0 / 512.0, 0.01), "[0.00585938 0.01      ]");
    assert_eq!(repr::row(&[-100.0, 5.0], true, " "), "[-100    5]");
    assert_eq!(repr::row(&[0.0, 10.0], true, ", "), "[ 0, 10]");
}

#[test]
fn keywords_pass_on_and_valid_times_wins() {
    let kw = Keywords {
        interval_list_name: Some("n".into()),
        valid_times: Some(list_times(&[[0.0, 1.0], [2.0, 4.0]])),
        ..Keywords::default()
    };
    let i = Interval::new(list_times(&[[5.0, 6.0]]), Identity::default(), kw, false, &mut |_, _| {}).unwrap();
    // Spyglass reads kwargs["valid_times"] first, so every returned Interval has them again.
    assert_eq!(i.by_length(Some(1.5), None).unwrap().repr(), "Interval([0. 1.]\n\t[2. 4.])");
    assert_eq!(i.consolidate().unwrap().identity.name.as_deref(), Some("n"));
    assert_eq!(
        err(iv(&[[0.0, 1.0]]).primary_key().unwrap_err()),
        "ValueError: Both name and file name required for primary key"
    );
}
