//! What a Venn diagram of maps shows: whose circles (with their colour roles), the interest
//! labels of each region, the picture's accessible name and the sizes it is laid out from.
//!
//! The UI only draws a [`VennModel`]; the builders that make one from an overlap live beside
//! the overlap they read (`core::overlap::venn_model`), so this module imports nothing above
//! the geometry.

use super::{layout2, layout3, Layout, RegionId, VennSizes};

/// A circle's colour, by the role of its map. The stylesheet gives each role a CSS variable
/// (`--venn-me`, `--venn-them`, `--venn-third`) with a light and a dark value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetColour {
    Me,
    Them,
    Third,
}

impl SetColour {
    /// The class that picks this colour's variable (`style/main.css`).
    pub fn class(self) -> &'static str {
        match self {
            SetColour::Me => "venn-me",
            SetColour::Them => "venn-them",
            SetColour::Third => "venn-third",
        }
    }
}

/// One circle: whose map it is and its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct VennSet {
    pub name: String,
    pub colour: SetColour,
}

impl VennSet {
    pub fn new(name: &str, colour: SetColour) -> Self {
        VennSet {
            name: name.to_string(),
            colour,
        }
    }

    /// My own circle, always first and always the same colour.
    pub fn me() -> Self {
        VennSet::new("You", SetColour::Me)
    }
}

/// What to draw: two or three sets, the interest labels of each region (indexed by
/// [`RegionId::index`]), and the sizes the circles are laid out from.
#[derive(Clone, Debug, PartialEq)]
pub struct VennModel {
    pub sets: Vec<VennSet>,
    pub regions: [Vec<String>; 7],
    /// The accessible name of the picture, e.g. "You and Meg share 3 interests".
    pub summary: String,
    /// The overlap's own counts (`Overlap::venn_sizes`, `Regions3::venn_sizes`).
    pub sizes: VennSizes,
}

impl VennModel {
    /// The circles, in the layout frame (the UI fits them to its viewBox). A set with nothing
    /// in it would be a circle of size 0, which cannot be drawn or labelled; one unit keeps it
    /// on the page.
    pub fn layout(&self) -> Layout {
        let mut s = self.sizes;
        for size in [&mut s.a, &mut s.b, &mut s.c]
            .into_iter()
            .take(self.sets.len())
        {
            if *size <= 0.0 {
                *size = 1.0;
            }
        }
        if self.sets.len() == 2 {
            layout2(s.a, s.b, s.ab)
        } else {
            layout3(&s)
        }
    }

    /// The region names a reader hears, e.g. "Only you", "You and Meg", "All three".
    pub fn region_name(&self, r: RegionId) -> String {
        let name = |i: usize| self.sets.get(i).map(|s| s.name.as_str()).unwrap_or("");
        match r {
            // "Only you" reads better than "Only You".
            RegionId::A if name(0) == "You" => "Only you".to_string(),
            RegionId::A => format!("Only {}", name(0)),
            RegionId::B => format!("Only {}", name(1)),
            RegionId::C => format!("Only {}", name(2)),
            RegionId::AB if self.sets.len() == 2 => "Shared".to_string(),
            RegionId::AB => format!("{} and {}", name(0), name(1)),
            RegionId::AC => format!("{} and {}", name(0), name(2)),
            RegionId::BC => format!("{} and {}", name(1), name(2)),
            RegionId::ABC => "All three".to_string(),
        }
    }

    /// The regions this diagram has, in the order the list reads them: shared first.
    pub fn used_regions(&self) -> Vec<RegionId> {
        if self.sets.len() == 2 {
            vec![RegionId::AB, RegionId::A, RegionId::B]
        } else {
            vec![
                RegionId::ABC,
                RegionId::AB,
                RegionId::AC,
                RegionId::BC,
                RegionId::A,
                RegionId::B,
                RegionId::C,
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(sets: Vec<VennSet>, sizes: VennSizes) -> VennModel {
        VennModel {
            sets,
            regions: Default::default(),
            summary: String::new(),
            sizes,
        }
    }

    #[test]
    fn an_empty_set_still_gets_a_drawable_circle() {
        let two = model(
            vec![VennSet::me(), VennSet::new("Meg", SetColour::Them)],
            VennSizes::two(0.0, 3.0, 0.0),
        );
        let layout = two.layout();
        assert_eq!(layout.circles.len(), 2);
        assert!(layout.circles.iter().all(|c| c.r > 0.0), "{layout:?}");

        let three = model(
            vec![
                VennSet::me(),
                VennSet::new("Meg", SetColour::Them),
                VennSet::new("Raj", SetColour::Third),
            ],
            VennSizes::from_regions([2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
        );
        let layout = three.layout();
        assert_eq!(layout.circles.len(), 3);
        assert!(layout.circles.iter().all(|c| c.r > 0.0), "{layout:?}");
    }

    #[test]
    fn a_two_set_layout_is_the_one_layout2_makes_from_the_sizes() {
        let m = model(
            vec![VennSet::me(), VennSet::new("Meg", SetColour::Them)],
            VennSizes::two(4.0, 3.0, 2.0),
        );
        assert_eq!(m.layout(), layout2(4.0, 3.0, 2.0));
    }

    #[test]
    fn regions_are_named_for_the_people_in_them() {
        let two = model(
            vec![VennSet::me(), VennSet::new("Meg", SetColour::Them)],
            VennSizes::default(),
        );
        assert_eq!(two.region_name(RegionId::A), "Only you");
        assert_eq!(two.region_name(RegionId::B), "Only Meg");
        assert_eq!(two.region_name(RegionId::AB), "Shared");
        assert_eq!(two.used_regions(), [RegionId::AB, RegionId::A, RegionId::B]);
        let three = model(
            vec![
                VennSet::me(),
                VennSet::new("Meg", SetColour::Them),
                VennSet::new("Raj", SetColour::Third),
            ],
            VennSizes::default(),
        );
        assert_eq!(three.region_name(RegionId::AB), "You and Meg");
        assert_eq!(three.region_name(RegionId::BC), "Meg and Raj");
        assert_eq!(three.region_name(RegionId::ABC), "All three");
        assert_eq!(three.used_regions().len(), 7);
    }

    #[test]
    fn each_colour_role_has_its_own_class() {
        let classes = [SetColour::Me, SetColour::Them, SetColour::Third].map(SetColour::class);
        assert_eq!(classes, ["venn-me", "venn-them", "venn-third"]);
    }
}
