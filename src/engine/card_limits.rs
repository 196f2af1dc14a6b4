//! When each bank card can be unbound, given the per-kind limits (S2§2).
//! Kinds run in parallel; within a kind, the N-th card waits for the earlier periods.

use crate::knowledge::Knowledge;
use crate::profile::model::{Card, CardKind};

/// One card's place in the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardSlot {
    /// Position in the profile's card list.
    pub index: usize,
    pub kind: Option<CardKind>,
    /// 1-based position among the cards of this kind, and how many there are.
    pub n: usize,
    pub count: usize,
    /// Calendar days from the start of the card work.
    pub offset_days: u32,
}

/// The day offset of the `n`-th (1-based) card of a kind allowing `per_period` cards every
/// `period_days` days: ⌊(n−1)/per_period⌋·period_days.
pub fn offset(n: usize, per_period: Option<u32>, period_days: Option<u32>) -> u32 {
    match (per_period, period_days) {
        (Some(per), Some(days)) if per > 0 => {
            let periods = (n.saturating_sub(1) / per as usize) as u32;
            periods.saturating_mul(days)
        }
        _ => 0,
    }
}

/// Every card with its slot. Cards of unknown kind are placed on day 0 (the plan is then
/// marked provisional by the caller).
pub fn card_offsets(kb: &Knowledge, cards: &[Card]) -> Vec<CardSlot> {
    let count_of = |k: Option<CardKind>| cards.iter().filter(|c| c.kind == k).count();
    let mut seen: Vec<(Option<CardKind>, usize)> = Vec::new();
    cards
        .iter()
        .enumerate()
        .map(|(index, card)| {
            let n = match seen.iter_mut().find(|(k, _)| *k == card.kind) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((card.kind, 1));
                    1
                }
            };
            let offset_days = card
                .kind
                .and_then(|k| kb.card_limit(k))
                .map_or(0, |l| offset(n, l.per_period, l.period_days));
            CardSlot {
                index,
                kind: card.kind,
                n,
                count: count_of(card.kind),
                offset_days,
            }
        })
        .collect()
}
