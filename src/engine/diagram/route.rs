//! Edge routing between two layers of a drawing: each edge leaves its upper node straight
//! down, runs sideways on a *track* (a row of the channel between the layers) and goes straight
//! down into its lower node. Edges from one node share a track, so they fan out like a tree.
//! Tracks are packed by the constrained left-edge algorithm of channel routing: two groups
//! share a track when their spans do not touch, and a group whose upper end sits in a column
//! where another group's edge ends below runs above it, so the two vertical runs never overlap.

use std::collections::{BTreeMap, BTreeSet};

/// One edge's piece between two layers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// The upper vertex it leaves (edges with the same group share a track).
    pub group: usize,
    /// Column where it leaves the upper layer.
    pub top: usize,
    /// Column where it enters the lower layer.
    pub bottom: usize,
}

/// Tracks for `segments`: how many the channel needs, and each segment's track (`None` for a
/// group that only runs straight down).
pub fn assign_tracks(segments: &[Segment]) -> (usize, Vec<Option<usize>>) {
    // Each group's horizontal span, for groups with at least one bend.
    let mut spans: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for s in segments.iter().filter(|s| s.top != s.bottom) {
        let span = spans.entry(s.group).or_insert((s.top, s.top));
        span.0 = span.0.min(s.top).min(s.bottom);
        span.1 = span.1.max(s.top).max(s.bottom);
    }
    // Vertical constraints: the group leaving column c runs above any other group entering c.
    let mut above: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for a in segments.iter().filter(|s| spans.contains_key(&s.group)) {
        for b in segments.iter().filter(|b| b.group != a.group && b.bottom == a.top && spans.contains_key(&b.group)) {
            above.entry(b.group).or_default().insert(a.group);
        }
    }
    let mut track_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut tracks = 0;
    while track_of.len() < spans.len() {
        let unplaced = || spans.keys().copied().filter(|g| !track_of.contains_key(g));
        let ready: Vec<usize> = unplaced()
            .filter(|g| above.get(g).is_none_or(|preds| preds.iter().all(|p| track_of.contains_key(p))))
            .collect();
        // A cycle of constraints cannot be met in one channel: place everything left.
        let mut candidates = if ready.is_empty() { unplaced().collect() } else { ready };
        candidates.sort_by_key(|g| spans[g]);
        let mut right_end: Option<usize> = None;
        for g in candidates {
            let (left, right) = spans[&g];
            if right_end.is_none_or(|end| left > end + 1) {
                track_of.insert(g, tracks);
                right_end = Some(right);
            }
        }
        tracks += 1;
    }
    let assigned = segments.iter().map(|s| track_of.get(&s.group).copied()).collect();
    (tracks, assigned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(group: usize, top: usize, bottom: usize) -> Segment {
        Segment { group, top, bottom }
    }

    #[test]
    fn straight_edges_need_no_track() {
        assert_eq!(assign_tracks(&[seg(0, 3, 3), seg(1, 7, 7)]), (0, vec![None, None]));
    }

    #[test]
    fn a_fan_out_shares_one_track() {
        assert_eq!(assign_tracks(&[seg(0, 5, 1), seg(0, 5, 9)]), (1, vec![Some(0), Some(0)]));
    }

    #[test]
    fn disjoint_spans_share_a_track_and_overlapping_ones_do_not() {
        let (n, t) = assign_tracks(&[seg(0, 0, 3), seg(1, 6, 9), seg(2, 2, 8)]);
        assert_eq!(n, 2);
        assert_eq!(t[0], t[1]);
        assert_ne!(t[0], t[2]);
    }

    #[test]
    fn a_group_leaving_a_column_runs_above_one_entering_it() {
        // Group 1 enters column 4 from the right; group 0 leaves column 4 to the left.
        let (_, t) = assign_tracks(&[seg(1, 9, 4), seg(0, 4, 0)]);
        assert!(t[1] < t[0], "{t:?}");
    }
}
