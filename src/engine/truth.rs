//! Three-valued (Kleene) logic: a condition over a profile is true, false, or unknown
//! when a field it needs is missing.

use jiff::civil::Date;

use crate::engine::checks::Status;
use crate::knowledge::predicate::{CheckTest, CmpOp, Const, ItemPred, Lit, Pred};
use crate::profile::field::{Facts, ListField, Val};
pub use crate::profile::field::{ItemList, ListOf};
use crate::profile::model::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

impl Truth {
    pub fn from_bool(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
    pub fn negate(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
    /// `None` when unknown.
    pub fn known(self) -> Option<bool> {
        match self {
            Truth::True => Some(true),
            Truth::False => Some(false),
            Truth::Unknown => None,
        }
    }
}

/// What a condition is evaluated against.
pub struct Env<'a> {
    pub profile: &'a Profile,
    pub start: Date,
    /// Status of every check by its index in the knowledge base (empty when not needed).
    pub checks: &'a [Status],
}

impl Env<'_> {
    /// The day the profile describes: its `as_of`, else `--start`.
    pub fn as_of(&self) -> Date {
        self.profile.as_of.map_or(self.start, |d| d.0)
    }

    /// Calendar days from the profile's day to `--start` (negative when it describes a later
    /// day): what a day counter has gained by the start.
    pub fn elapsed(&self) -> i64 {
        crate::engine::calendar::days_between(self.as_of(), self.start)
    }
}

/// Where unknown inputs are recorded: the paths of the fields that were missing. One is kept
/// in place, without an allocation: most conditions read one field, and an outcome this small
/// (40 bytes) keeps a batch's 26 outcomes a profile in fewer cache lines.
pub type Missing = smallvec::SmallVec<[&'static str; 1]>;

/// Records that the field at `path` was missing (once).
fn note(missing: &mut Missing, path: &'static str) {
    if !missing.contains(&path) {
        missing.push(path);
    }
}

/// Unknown, because the field at `path` is missing (noted once).
fn unknown(missing: &mut Missing, path: &'static str) -> Truth {
    note(missing, path);
    Truth::Unknown
}

/// Compares a field's value with a constant; a day counter is compared as it stands on
/// `--start`.
#[inline(always)]
fn compare(v: Val<'_>, op: CmpOp, c: Lit<'_>, env: &Env<'_>) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (v, c) {
        (Val::Missing, _) => return None,
        (Val::Null, _) => return Some(op == CmpOp::Ne),
        (Val::Bool(a), Lit::Bool(b)) => a.cmp(&b),
        (Val::Num(a), Lit::Num(b)) => a.partial_cmp(&b)?,
        (Val::Days(a), Lit::Num(b)) => (a + env.elapsed() as f64).partial_cmp(&b)?,
        (Val::Str(a), Lit::Str(b)) => a.cmp(b),
        _ => return Some(op == CmpOp::Ne),
    };
    Some(match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Ge => ord != Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
    })
}

/// [`cmp`] as the interpreter's walk calls it: not inlined into the walk (forcing that was
/// slower, docs/performance.md).
fn field_cmp<S: Facts>(
    s: &S,
    f: S::Field,
    op: CmpOp,
    c: Lit<'_>,
    env: &Env<'_>,
    missing: &mut Missing,
) -> Truth
where
    S::Field: FieldPath,
{
    cmp(s, f, op, c, env, missing)
}

// The parts a condition is made of, each judged in one place: the interpreter below
// (`Pred::eval`) and the code `build.rs` generates from `data/checks.json` and
// `data/troubleshoot.json` (`engine::compiled`)
// both call these, so the two cannot differ in what a part means.

/// `eq`, `ne`, `gt`, `lt`, `ge`, `le`: a field of `s` compared with a constant; a missing field
/// is noted and makes it unknown.
#[inline(always)]
pub(crate) fn cmp<S: Facts>(
    s: &S,
    f: S::Field,
    op: CmpOp,
    c: Lit<'_>,
    env: &Env<'_>,
    missing: &mut Missing,
) -> Truth
where
    S::Field: FieldPath,
{
    match compare(s.value(f), op, c, env) {
        Some(b) => Truth::from_bool(b),
        None => unknown(missing, f.report()),
    }
}

/// `in`: the field equals one of the constants.
#[inline(always)]
pub(crate) fn one_of<'c, S: Facts>(
    s: &S,
    f: S::Field,
    cs: impl IntoIterator<Item = Lit<'c>>,
    env: &Env<'_>,
    missing: &mut Missing,
) -> Truth
where
    S::Field: FieldPath,
{
    match s.value(f) {
        Val::Missing => unknown(missing, f.report()),
        v => Truth::from_bool(
            cs.into_iter()
                .any(|c| compare(v, CmpOp::Eq, c, env) == Some(true)),
        ),
    }
}

/// `known`: the field is given; never unknown.
#[inline(always)]
pub(crate) fn known<S: Facts>(s: &S, f: S::Field) -> Truth {
    Truth::from_bool(s.value(f) != Val::Missing)
}

/// `after_start`: a date field later than `--start`.
#[inline(always)]
pub(crate) fn after_start<S: Facts>(
    s: &S,
    f: S::Field,
    env: &Env<'_>,
    missing: &mut Missing,
) -> Truth
where
    S::Field: FieldPath,
{
    match s.value(f) {
        Val::Missing => unknown(missing, f.report()),
        Val::Date(d) => Truth::from_bool(d > env.start),
        _ => Truth::False,
    }
}

/// `nonempty`: the list has an item.
#[inline(always)]
pub(crate) fn nonempty(l: ListField, env: &Env<'_>, missing: &mut Missing) -> Truth {
    match l.len(env.profile) {
        None => unknown(missing, l.path()),
        Some(n) => Truth::from_bool(n > 0),
    }
}

/// `check`: true when the check fails, false when it passes, unknown otherwise (and when no
/// status is given for it).
#[inline(always)]
fn check_truth(status: Option<&Status>) -> Truth {
    match status {
        Some(Status::Fail) => Truth::True,
        Some(Status::Pass) => Truth::False,
        _ => Truth::Unknown,
    }
}

/// The `k`-th `check` part of a condition written as code, which reads check `refs[k]`.
#[inline(always)]
pub(crate) fn checked(env: &Env<'_>, refs: &[usize], k: usize) -> Truth {
    check_truth(refs.get(k).and_then(|&i| env.checks.get(i)))
}

/// A whole condition (not a part of one): when its answer is known, the fields its parts
/// found missing are dropped again.
#[inline(always)]
pub(crate) fn whole(missing: &mut Missing, judge: impl FnOnce(&mut Missing) -> Truth) -> Truth {
    let mark = missing.len();
    let t = judge(missing);
    if t != Truth::Unknown {
        missing.truncate(mark);
    }
    t
}

/// `any_item`: some item of the list `L` matches; `each` judges one item as a whole condition.
#[inline(always)]
pub(crate) fn any_item<L: ItemList>(
    env: &Env<'_>,
    missing: &mut Missing,
    each: impl FnMut(&L::Item, &mut Missing) -> Truth,
) -> Truth
where
    <L::Item as Facts>::Field: FieldPath,
{
    over_items(L::items(env.profile), L::LIST, Pick::Any, missing, each)
}

/// `any` over parts written out one by one (the generated code's form of [`any`]): Kleene
/// OR, stopping at the first true part.
macro_rules! kleene_any {
    ($($part:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut unknown = false;
        'any: {
            $(match $part {
                $crate::engine::truth::Truth::True => break 'any $crate::engine::truth::Truth::True,
                $crate::engine::truth::Truth::Unknown => unknown = true,
                $crate::engine::truth::Truth::False => {}
            })*
            if unknown {
                $crate::engine::truth::Truth::Unknown
            } else {
                $crate::engine::truth::Truth::False
            }
        }
    }};
}
pub(crate) use kleene_any;

impl CheckTest {
    /// The answer given the checks that fail and those that pass, one bit per check index (a
    /// named check in neither is unknown): the same as the condition's own tree gives.
    pub fn eval(&self, fail: u64, pass: u64) -> Truth {
        let (decides, settles) = if self.all { (pass, fail) } else { (fail, pass) };
        // `any`: one failing check makes it true, all passing make it false; `all` the other
        // way round.
        let t = if decides & self.mask != 0 {
            Truth::from_bool(!self.all)
        } else if self.mask & !settles != 0 {
            Truth::Unknown
        } else {
            Truth::from_bool(self.all)
        };
        if self.negated {
            t.negate()
        } else {
            t
        }
    }
}

/// Kleene OR over a sequence, stopping at the first true.
pub fn any(items: impl Iterator<Item = Truth>) -> Truth {
    let mut unknown = false;
    for t in items {
        match t {
            Truth::True => return Truth::True,
            Truth::Unknown => unknown = true,
            Truth::False => {}
        }
    }
    if unknown {
        Truth::Unknown
    } else {
        Truth::False
    }
}

/// The path of a field for "missing" reports: a list item's field by its path in the whole
/// profile (`wallet.bank_cards[].unbilled_cny`).
pub trait FieldPath: Copy {
    fn report(self) -> &'static str;
}
impl FieldPath for crate::profile::field::Field {
    fn report(self) -> &'static str {
        self.path()
    }
}
macro_rules! item_path {
    ($($t:ty),+) => { $(impl FieldPath for $t { fn report(self) -> &'static str { self.item_path() } })+ };
}
item_path!(
    crate::profile::field::CardField,
    crate::profile::field::DeviceField,
    crate::profile::field::GroupField,
    crate::profile::field::LoginField
);

impl<F: FieldPath> Pred<F> {
    /// Evaluates the condition on `subject`; when the answer is unknown, the missing
    /// field paths are appended to `missing`.
    pub fn eval<S: Facts<Field = F>>(
        &self,
        subject: &S,
        env: &Env<'_>,
        missing: &mut Missing,
    ) -> Truth {
        // A single comparison, the shape of most conditions, needs no walk of the tree.
        if let Pred::Cmp(f, op, c) = self {
            return field_cmp(subject, *f, *op, c.lit(), env, missing);
        }
        whole(missing, |missing| self.eval_inner(subject, env, missing))
    }

    fn eval_inner<S: Facts<Field = F>>(
        &self,
        s: &S,
        env: &Env<'_>,
        missing: &mut Missing,
    ) -> Truth {
        match self {
            Pred::Cmp(f, op, c) => field_cmp(s, *f, *op, c.lit(), env, missing),
            Pred::In(f, cs) => one_of(s, *f, cs.iter().map(Const::lit), env, missing),
            Pred::Known(f) => known(s, *f),
            Pred::AfterStart(f) => after_start(s, *f, env, missing),
            Pred::NonEmpty(l) => nonempty(*l, env, missing),
            // An unknown list reports the list; a known one the fields its items left unknown.
            Pred::AnyItem(item) => item.any(env, missing),
            Pred::Any(ps) => any(ps.iter().map(|p| p.eval_inner(s, env, missing))),
            // Kleene AND by De Morgan: not any(not p).
            Pred::All(ps) => {
                any(ps.iter().map(|p| p.eval_inner(s, env, missing).negate())).negate()
            }
            Pred::Not(p) => p.eval_inner(s, env, missing).negate(),
            Pred::Check(_, idx) => check_truth(env.checks.get(*idx)),
        }
    }
}

/// Which items of a list a condition looks at.
#[derive(Clone, Copy)]
enum Pick {
    Any,
    At(usize),
}

/// Judges the items of a list that may be unknown (`None`) with `each`; the fields an unknown
/// answer lacks go to `missing` (the list's path when the list itself is unknown).
#[inline(always)]
fn over_items<T>(
    items: Option<&[T]>,
    list: ListField,
    pick: Pick,
    missing: &mut Missing,
    mut each: impl FnMut(&T, &mut Missing) -> Truth,
) -> Truth {
    let Some(items) = items else {
        return unknown(missing, list.path());
    };
    match pick {
        Pick::Any => any(items.iter().map(|i| each(i, missing))),
        Pick::At(n) => items.get(n).map_or(Truth::Unknown, |i| each(i, missing)),
    }
}

/// An item condition judged over the list `L`.
fn judge<L: ItemList>(
    pred: &Pred<<L::Item as Facts>::Field>,
    env: &Env<'_>,
    pick: Pick,
    missing: &mut Missing,
) -> Truth
where
    <L::Item as Facts>::Field: FieldPath,
{
    over_items(L::items(env.profile), L::LIST, pick, missing, |i, m| {
        pred.eval(i, env, m)
    })
}

impl ItemPred {
    fn judge(&self, env: &Env<'_>, pick: Pick, missing: &mut Missing) -> Truth {
        use ListField as L;
        match self {
            ItemPred::Cards(f) => judge::<ListOf<{ L::BankCards as u8 }>>(f, env, pick, missing),
            ItemPred::Devices(f) => judge::<ListOf<{ L::Devices as u8 }>>(f, env, pick, missing),
            ItemPred::Groups(f) => judge::<ListOf<{ L::GroupsOwned as u8 }>>(f, env, pick, missing),
            ItemPred::Logins(f) => {
                judge::<ListOf<{ L::ThirdPartyLogins as u8 }>>(f, env, pick, missing)
            }
        }
    }

    /// True when some item of the list matches; unknown when the list is unknown or no item
    /// matches for sure and some are unknown (their fields are added to `missing`).
    pub fn any(&self, env: &Env<'_>, missing: &mut Missing) -> Truth {
        self.judge(env, Pick::Any, missing)
    }

    /// Whether the item at `index` of the list matches.
    pub fn matches(&self, env: &Env<'_>, index: usize) -> Truth {
        self.judge(env, Pick::At(index), &mut Missing::new())
    }
}
