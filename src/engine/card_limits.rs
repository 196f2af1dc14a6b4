//! The per-kind limits on unbinding bank cards (S2§2): how the cards are numbered, and on which
//! day each one can go. Kinds run in parallel; within a kind, a card waits until fewer than
//! `per_period` cards of its kind went in the last `period_days` days.

use jiff::civil::Date;
use smallvec::SmallVec;

use super::calendar::{add_days, OutOfRange};
use crate::knowledge::Knowledge;
use crate::profile::model::{Card, CardKind};

/// A card's place among the cards of its kind: 1-based, and how many there are. Cards of
/// unknown kind are numbered among themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardNumber {
    pub n: usize,
    pub count: usize,
}

/// The numbers of a profile's cards (a few are kept in place, without an allocation).
pub type CardNumbers = SmallVec<[CardNumber; 8]>;

/// The number of every card, in list order. The same in every step about the card.
pub fn card_numbers(cards: &[Card]) -> CardNumbers {
    // Per kind: how many seen so far, and how many in all.
    let mut tally: SmallVec<[(Option<CardKind>, usize, usize); 4]> = SmallVec::new();
    for c in cards {
        match tally.iter_mut().find(|(k, _, _)| *k == c.kind) {
            Some((_, _, total)) => *total += 1,
            None => tally.push((c.kind, 0, 1)),
        }
    }
    cards
        .iter()
        .map(|c| match tally.iter_mut().find(|(k, _, _)| *k == c.kind) {
            Some((_, seen, total)) => {
                *seen += 1;
                CardNumber {
                    n: *seen,
                    count: *total,
                }
            }
            None => CardNumber { n: 1, count: 1 },
        })
        .collect()
}

/// The day offset of the `n`-th (1-based) card of a kind when every card is ready at once:
/// ⌊(n−1)/per_period⌋·period_days. Cards of unknown kind count as unlimited.
pub fn offset(kb: &Knowledge, kind: Option<CardKind>, n: usize) -> u64 {
    match limit(kb, kind) {
        Some((per, days)) => (n.saturating_sub(1) / per) as u64 * u64::from(days),
        None => 0,
    }
}

/// `(per_period, period_days)` of a kind, when it has a limit.
fn limit(kb: &Knowledge, kind: Option<CardKind>) -> Option<(usize, u32)> {
    let l = kb.card_limit(kind?)?;
    match (l.per_period, l.period_days) {
        (Some(per), Some(days)) if per > 0 => Some((per as usize, days)),
        _ => None,
    }
}

/// The days already given to cards of each kind, in one case of the plan. A card never goes
/// before one placed earlier, so each kind's days never go back and the limits always hold;
/// placing cards in the order they become ready gives the earliest days.
#[derive(Debug, Default)]
pub struct CardDays {
    placed: SmallVec<[(CardKind, SmallVec<[Date; 8]>); 3]>,
}

impl CardDays {
    fn of(&self, kind: CardKind) -> &[Date] {
        self.placed
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, d)| d.as_slice())
    }

    /// The first day from `ready` on that the limit of `kind` leaves free.
    fn free_day(&self, kb: &Knowledge, kind: CardKind, ready: Date) -> Result<Date, OutOfRange> {
        let Some((per, days)) = limit(kb, Some(kind)) else {
            return Ok(ready);
        };
        let placed = self.of(kind);
        let mut day = placed.last().map_or(ready, |&last| ready.max(last));
        if placed.len() >= per {
            day = day.max(add_days(placed[placed.len() - per], i64::from(days))?);
        }
        Ok(day)
    }

    /// Gives the card a day from `ready` on and returns it. A card of unknown kind takes the
    /// kind that puts it earliest, or with `worst`, latest.
    pub fn place(
        &mut self,
        kb: &Knowledge,
        kind: Option<CardKind>,
        ready: Date,
        worst: bool,
    ) -> Result<Date, OutOfRange> {
        let (kind, day) = match kind {
            Some(k) => (k, self.free_day(kb, k, ready)?),
            None => {
                let mut options: SmallVec<[(CardKind, Date); 4]> = SmallVec::new();
                for &k in CardKind::ALL {
                    options.push((k, self.free_day(kb, k, ready)?));
                }
                let pick = |o: &&(CardKind, Date)| o.1;
                let chosen = if worst {
                    options.iter().max_by_key(pick)
                } else {
                    options.iter().min_by_key(pick)
                };
                match chosen {
                    Some(&o) => o,
                    None => return Ok(ready),
                }
            }
        };
        match self.placed.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, days)) => days.push(day),
            None => self.placed.push((kind, smallvec::smallvec![day])),
        }
        Ok(day)
    }
}
