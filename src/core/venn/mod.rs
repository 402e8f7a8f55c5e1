//! Area-proportional Venn diagrams of two or three maps: circles, their layout and label anchors.
//!
//! Split the way venn.js splits it: `geometry` is pure circle maths, `layout` places circles so
//! their areas and overlaps are proportional to counts, `labels` finds where text fits. Drawing
//! (SVG) belongs to the UI, which takes a [`VennModel`] (what to show: `model`), lays it out,
//! calls [`Layout::fit`] for its viewBox and puts each region's words at its [`LabelAnchor`].

mod geometry;
mod labels;
mod layout;
mod model;
mod nelder_mead;

pub use geometry::{edge_crossings, intersection_area, lens_area, radius_for, Circle, Point};
pub use labels::{
    fit_label, fit_words, label_anchor, label_anchors, text_width, FittedLabel, LabelAnchor,
    LabelFont,
};
pub use layout::{distance_for_overlap, layout2, layout3, Layout, VennSizes};
pub use model::{SetColour, VennModel, VennSet};

/// One of the seven regions of a three-set diagram (a two-set diagram uses `A`, `B`, `AB`).
/// `AB` means "in A and B but not C", and so on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegionId {
    A,
    B,
    C,
    AB,
    AC,
    BC,
    ABC,
}

impl RegionId {
    /// Every region, in the order used by `[f64; 7]` region arrays.
    pub const ALL: [RegionId; 7] = [
        RegionId::A,
        RegionId::B,
        RegionId::C,
        RegionId::AB,
        RegionId::AC,
        RegionId::BC,
        RegionId::ABC,
    ];

    /// Position in [`RegionId::ALL`] and in region arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Bit 0 for A, bit 1 for B, bit 2 for C.
    pub fn mask(self) -> u8 {
        match self {
            RegionId::A => 0b001,
            RegionId::B => 0b010,
            RegionId::C => 0b100,
            RegionId::AB => 0b011,
            RegionId::AC => 0b101,
            RegionId::BC => 0b110,
            RegionId::ABC => 0b111,
        }
    }

    /// The region of the points inside exactly the sets in `mask`; `None` for outside them all.
    pub fn from_mask(mask: u8) -> Option<Self> {
        RegionId::ALL.into_iter().find(|r| r.mask() == mask & 0b111)
    }

    /// Whether this region lies inside set `set` (0 = A, 1 = B, 2 = C).
    pub fn includes(self, set: usize) -> bool {
        set < 3 && self.mask() & (1 << set) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_masks_round_trip_in_array_order() {
        for (i, r) in RegionId::ALL.into_iter().enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(RegionId::from_mask(r.mask()), Some(r));
        }
        assert_eq!(RegionId::from_mask(0), None);
        assert!(RegionId::BC.includes(2) && !RegionId::BC.includes(0));
    }
}
