//! Three maps at once ("compare with…"): the seven regions of a three-set Venn, by key.

use crate::core::interest_key::InterestKey;
use crate::core::model::Interest;
use crate::core::venn::{RegionId, VennSizes};
use std::collections::HashMap;

/// The seven regions of three maps, as labels (the first spelling met, A's then B's then C's),
/// each list in the order its interests were met.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Regions3 {
    pub a_only: Vec<String>,
    pub b_only: Vec<String>,
    pub c_only: Vec<String>,
    pub ab: Vec<String>,
    pub ac: Vec<String>,
    pub bc: Vec<String>,
    pub abc: Vec<String>,
}

impl Regions3 {
    pub fn get(&self, region: RegionId) -> &[String] {
        match region {
            RegionId::A => &self.a_only,
            RegionId::B => &self.b_only,
            RegionId::C => &self.c_only,
            RegionId::AB => &self.ab,
            RegionId::AC => &self.ac,
            RegionId::BC => &self.bc,
            RegionId::ABC => &self.abc,
        }
    }

    fn get_mut(&mut self, region: RegionId) -> &mut Vec<String> {
        match region {
            RegionId::A => &mut self.a_only,
            RegionId::B => &mut self.b_only,
            RegionId::C => &mut self.c_only,
            RegionId::AB => &mut self.ab,
            RegionId::AC => &mut self.ac,
            RegionId::BC => &mut self.bc,
            RegionId::ABC => &mut self.abc,
        }
    }

    /// The count in each region, ready for `layout3`.
    pub fn venn_sizes(&self) -> VennSizes {
        VennSizes::from_regions(RegionId::ALL.map(|r| self.get(r).len() as f64))
    }
}

/// Three maps (say me, a person and another I compare them with) split into seven regions.
pub fn overlap3(a: &[Interest], b: &[Interest], c: &[Interest]) -> Regions3 {
    let mut order: Vec<(String, u8)> = Vec::new();
    let mut at: HashMap<InterestKey, usize> = HashMap::new();
    for (bit, map) in [a, b, c].into_iter().enumerate() {
        for interest in map {
            let key = interest.key();
            if key.is_empty() {
                continue;
            }
            let slot = *at.entry(key).or_insert_with(|| {
                order.push((interest.label.clone(), 0));
                order.len() - 1
            });
            order[slot].1 |= 1 << bit;
        }
    }
    let mut regions = Regions3::default();
    for (label, mask) in order {
        if let Some(r) = RegionId::from_mask(mask) {
            regions.get_mut(r).push(label);
        }
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::overlap::tests::map;

    fn strs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    #[test]
    fn three_maps_split_into_seven_regions_by_key() {
        let a = map(&[
            ("Running", "sport"),
            ("cheese", "food"),
            ("opera", "arts"),
            ("dogs", "x"),
        ]);
        let b = map(&[
            ("run", "sport"),
            ("Cheese", "food"),
            ("chess", "x"),
            ("cats", "x"),
        ]);
        let c = map(&[
            ("runs", "sport"),
            ("opera", "arts"),
            ("chess", "x"),
            ("knitting", "x"),
        ]);
        let r = overlap3(&a, &b, &c);
        assert_eq!(strs(r.get(RegionId::ABC)), ["Running"]);
        assert_eq!(strs(&r.ab), ["cheese"]);
        assert_eq!(strs(&r.ac), ["opera"]);
        assert_eq!(strs(&r.bc), ["chess"]);
        assert_eq!(strs(&r.a_only), ["dogs"]);
        assert_eq!(strs(&r.b_only), ["cats"]);
        assert_eq!(strs(&r.c_only), ["knitting"]);
        assert_eq!(r.venn_sizes(), VennSizes::from_regions([1.0; 7]));
    }
}
