//! The Venn models of overlaps: "me and them" (two circles) and "compare with…" (three),
//! with the words the picture is named by. Built from the overlap's own region lists and
//! `venn_sizes`, so the diagram never counts anything again.

use super::{Overlap, Regions3};
use crate::core::venn::{RegionId, SetColour, VennModel, VennSet};

/// The two-circle picture's accessible name.
fn share_summary(name: &str, n: usize) -> String {
    match n {
        0 => format!("You and {name} share no interests yet"),
        1 => format!("You and {name} share 1 interest"),
        n => format!("You and {name} share {n} interests"),
    }
}

impl Overlap {
    /// "Me and them": my map is A, theirs (called `name`) is B; shared interests in my words.
    pub fn venn_model(&self, name: &str) -> VennModel {
        let mut regions: [Vec<String>; 7] = Default::default();
        regions[RegionId::A.index()] = self.mine_only.iter().map(|i| i.label.clone()).collect();
        regions[RegionId::B.index()] = self.theirs_only.iter().map(|i| i.label.clone()).collect();
        regions[RegionId::AB.index()] = self.shared.iter().map(|s| s.mine.clone()).collect();
        VennModel {
            sets: vec![VennSet::me(), VennSet::new(name, SetColour::Them)],
            regions,
            summary: share_summary(name, self.shared.len()),
            sizes: self.venn_sizes(),
        }
    }
}

impl Regions3 {
    /// Me (A) compared with `a` (B) and `b` (C).
    pub fn venn_model(&self, a: &str, b: &str) -> VennModel {
        let regions = RegionId::ALL.map(|r| self.get(r).to_vec());
        let summary = match self.abc.len() {
            1 => format!("You, {a} and {b} all share 1 interest"),
            n => format!("You, {a} and {b} all share {n} interests"),
        };
        VennModel {
            sets: vec![
                VennSet::me(),
                VennSet::new(a, SetColour::Them),
                VennSet::new(b, SetColour::Third),
            ],
            regions,
            summary,
            sizes: self.venn_sizes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::core::overlap::tests::map;
    use crate::core::overlap::{overlap, overlap3};
    use crate::core::venn::{RegionId, SetColour, VennSizes};

    #[test]
    fn me_and_them_in_my_words_with_the_overlaps_own_sizes() {
        let mine = map(&[("Running", "sport"), ("Sewing", "hobbies")]);
        let theirs = map(&[("run", "hobbies"), ("canal boats", "travel")]);
        let o = overlap(&mine, &theirs);
        let m = o.venn_model("Meg");
        assert_eq!(m.regions[RegionId::AB.index()], ["Running"]);
        assert_eq!(m.regions[RegionId::A.index()], ["Sewing"]);
        assert_eq!(m.regions[RegionId::B.index()], ["canal boats"]);
        assert!(m.regions[RegionId::C.index()].is_empty());
        assert_eq!(m.summary, "You and Meg share 1 interest");
        assert_eq!(m.sizes, VennSizes::two(2.0, 2.0, 1.0));
        assert_eq!(m.sets[0].name, "You");
        assert_eq!(m.sets[1].colour, SetColour::Them);
    }

    #[test]
    fn the_summary_counts_what_is_shared() {
        let none = overlap(&map(&[("chess", "x")]), &map(&[("opera", "arts")]));
        assert_eq!(
            none.venn_model("Ann").summary,
            "You and Ann share no interests yet"
        );
        let two = overlap(
            &map(&[("chess", "x"), ("opera", "arts")]),
            &map(&[("opera", "arts"), ("Chess", "x")]),
        );
        assert_eq!(
            two.venn_model("Ann").summary,
            "You and Ann share 2 interests"
        );
    }

    #[test]
    fn three_maps_fill_all_seven_regions() {
        let a = map(&[("Running", "sport"), ("cheese", "food"), ("dogs", "x")]);
        let b = map(&[("run", "sport"), ("Cheese", "food"), ("cats", "x")]);
        let c = map(&[("runs", "sport"), ("knitting", "x")]);
        let r = overlap3(&a, &b, &c);
        let m = r.venn_model("Meg", "Raj");
        assert_eq!(m.regions[RegionId::ABC.index()], ["Running"]);
        assert_eq!(m.regions[RegionId::AB.index()], ["cheese"]);
        assert_eq!(m.regions[RegionId::C.index()], ["knitting"]);
        assert_eq!(m.summary, "You, Meg and Raj all share 1 interest");
        assert_eq!(m.sizes, r.venn_sizes());
        assert_eq!(m.sets[2].colour, SetColour::Third);
        let none = overlap3(&a, &map(&[("opera", "arts")]), &c).venn_model("Meg", "Raj");
        assert_eq!(none.summary, "You, Meg and Raj all share 0 interests");
    }
}
