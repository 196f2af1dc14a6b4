//! Turning failed checks into a dated plan.
//!
//! Each failed check names its remedy, an action of `data/actions.json`. An action becomes one
//! step, or one step per list item (per card, device, group…). What waits for what is declared
//! in the data: an action's `after` list (every step of another action, the step about the same
//! item, or only for this action's last step), and `first` for an action every other one waits
//! for. This module links the steps accordingly and dates them in topological order with the
//! calendar and the card limits, in the best case (`earliest`) and the worst (`latest`). The
//! completion date (`ready_on`) is worked out from the steps that can move a date alone; the
//! steps in full are worked out only for the results that show them. It knows no action by
//! name.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;
use smallvec::SmallVec;

use crate::message::{Message, Msg};

use super::calendar::{add_days, serialize_day, Calendar, OutOfRange};
use super::card_limits::{self, card_numbers, CardDays};
use super::checks::{positions, CheckOutcome, Status, Tally};
use super::truth::{Env, Truth};
use crate::knowledge::{ActionDef, Duration, Knowledge, Scope, Severity};
use crate::profile::field::{Facts, ListField, Val};
use crate::profile::model::CardKind;

/// A span of days: `earliest` when everything goes well, `latest` when it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Window {
    #[schemars(with = "String")]
    #[serde(serialize_with = "serialize_day")]
    pub earliest: Date,
    #[schemars(with = "String")]
    #[serde(serialize_with = "serialize_day")]
    pub latest: Date,
}

impl Window {
    pub fn day(d: Date) -> Window {
        Window {
            earliest: d,
            latest: d,
        }
    }
    /// The day in the best case, or with `worst` the worst.
    fn case(self, worst: bool) -> Date {
        if worst {
            self.latest
        } else {
            self.earliest
        }
    }
    fn set_case(&mut self, worst: bool, d: Date) {
        if worst {
            self.latest = d;
        } else {
            self.earliest = d;
        }
    }
    fn max(self, o: Window) -> Window {
        Window {
            earliest: self.earliest.max(o.earliest),
            latest: self.latest.max(o.latest),
        }
    }
}

/// When the whole plan is done; `provisional` when it rests on unknowns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReadyOn {
    #[schemars(with = "String")]
    #[serde(serialize_with = "serialize_day")]
    pub earliest: Date,
    #[schemars(with = "String")]
    #[serde(serialize_with = "serialize_day")]
    pub latest: Date,
    pub provisional: bool,
}

/// The list item a step is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanItem {
    pub list: ListField,
    pub index: usize,
    /// 1-based position among the items of the same kind, and how many there are. Bank cards
    /// are numbered among the cards of their kind in the whole list, the same in every step.
    pub n: usize,
    pub count: usize,
    /// The kind of a bank card; `None` for a card of unknown kind and for other lists.
    pub card_kind: Option<CardKind>,
}

impl PlanItem {
    /// A bank card whose kind the profile does not give.
    pub fn is_card_of_unknown_kind(&self) -> bool {
        self.list == ListField::BankCards && self.card_kind.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAction {
    /// Index into `Knowledge::actions`.
    pub action: usize,
    /// Index into `Knowledge::checks`: the check this action clears.
    pub check: usize,
    pub item: Option<PlanItem>,
    pub start: Window,
    pub done: Window,
    /// False when the sources state no duration (shown as same-day).
    pub duration_stated: bool,
    /// Where the actions it waits for are in `Plan::waits` (`Plan::waits_for` reads them).
    waits: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The steps, when they were worked out (see [`Plan::with_steps`]).
    pub actions: Vec<PlannedAction>,
    /// `None` when a failed blocker has no self-service remedy.
    pub ready_on: Option<ReadyOn>,
    /// What every step waits for, one after the other.
    waits: Vec<usize>,
    /// The failed checks to plan, in order, while the steps are not worked out: the date
    /// needs no plan order, and only full results show the steps.
    pending: Option<SmallVec<[usize; 16]>>,
}

impl Plan {
    /// The plan with its steps, dated and in plan order: itself, or, when they were left out,
    /// the same plan with them.
    pub fn with_steps(&self, kb: &Knowledge, env: &Env<'_>, cal: &Calendar) -> Cow<'_, Plan> {
        let Some(failed) = &self.pending else {
            return Cow::Borrowed(self);
        };
        let graph = Graph::new(kb, failed.iter().copied(), env, Steps::All);
        let mut waits = Vec::new();
        // `build` dated every step already: none is past the end of the calendar.
        let actions = match graph.steps.is_empty() {
            true => Vec::new(),
            false => dated_steps(kb, env, cal, &graph, &mut waits).unwrap_or_default(),
        };
        Cow::Owned(Plan {
            actions,
            ready_on: self.ready_on,
            waits,
            pending: None,
        })
    }

    /// The actions step `a` waits for (indices into `Knowledge::actions`), in plan order.
    pub fn waits_for(&self, a: &PlannedAction) -> &[usize] {
        self.waits.get(a.waits.clone()).unwrap_or(&[])
    }
}

/// What a date that cannot be computed belongs to, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateOf {
    /// A step of the plan (its action).
    Step(String),
    /// An event of the timeline.
    Event(String),
    /// The day a `realname` method clears the real name.
    Cleared(String),
}

/// A date of the plan or the timeline past the end of the calendar, and what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub DateOf);

impl DateError {
    /// The one-line message, in the reader's language.
    pub fn message(&self) -> Message {
        let (id, name) = match &self.0 {
            DateOf::Step(id) => (Msg::DatePastEndStep, id),
            DateOf::Event(id) => (Msg::DatePastEndEvent, id),
            DateOf::Cleared(id) => (Msg::DatePastEndCleared, id),
        };
        Message::new(id)
            .with("id", name.as_str())
            .with("last", Date::MAX.to_string())
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(crate::lang::Lang::En))
    }
}

/// Builds the plan for the failed checks of `tally` (positions in `outcomes`). `provisional`
/// says whether the verdict rests on unknowns (some blocker unknown, or whether the task
/// applies at all).
pub fn build(
    kb: &Knowledge,
    outcomes: &[CheckOutcome],
    tally: &Tally,
    env: &Env<'_>,
    cal: &Calendar,
    provisional: bool,
) -> Result<Plan, DateError> {
    let stuck = tally.with(Severity::Blocker, Status::Fail) & tally.manual != 0;
    let failed = positions(tally.fail).map(|i| outcomes[i].check);
    // The date needs only the steps that can move it: when there are none, it is `--start`.
    let dated = |c: usize| {
        kb.checks[c]
            .action_idx
            .is_some_and(|a| !kb.actions[a].dateless)
    };
    let (done, uncertain) = match failed.clone().any(dated) {
        true => {
            let graph = Graph::new(kb, failed.clone(), env, Steps::Dated);
            solved(kb, env, cal, &graph)?
        }
        false => (Window::day(env.start), false),
    };
    let ready_on = (!stuck).then_some(ReadyOn {
        earliest: done.earliest,
        latest: done.latest,
        provisional: provisional || uncertain,
    });
    // The steps in plan order (only full results show them) are worked out when asked for.
    Ok(Plan {
        ready_on,
        pending: Some(failed.collect()),
        ..Plan::default()
    })
}

/// When the last step is done (`--start` when there is none), and whether that date is
/// uncertain: a card of unknown kind, or a step that takes real time the sources do not give,
/// leaves the dates after it open. `graph` may leave out the steps that move no date.
fn solved(
    kb: &Knowledge,
    env: &Env<'_>,
    cal: &Calendar,
    graph: &Graph,
) -> Result<(Window, bool), DateError> {
    let start = Window::day(env.start);
    if graph.steps.is_empty() {
        return Ok((start, false));
    }
    let dated = Solver::new(kb, env, cal, graph).solve()?;
    let done = dated.iter().fold(start, |w, d| w.max(d.done));
    let uncertain = graph.steps.iter().any(|s| {
        s.item.is_some_and(|i| i.is_card_of_unknown_kind()) || kb.actions[s.action].provisional
    });
    Ok((done, uncertain))
}

/// Dates the steps in the best and the worst case and puts them in plan order; what each
/// waits for goes to `waits`.
fn dated_steps(
    kb: &Knowledge,
    env: &Env<'_>,
    cal: &Calendar,
    graph: &Graph,
    waits: &mut Vec<usize>,
) -> Result<Vec<PlannedAction>, DateError> {
    let dated = Solver::new(kb, env, cal, graph).solve()?;
    // Chronological, and a step after what it waits for (on the same day, its action is
    // deeper in the graph). Steps are numbered in the order of their checks, then items: the
    // index breaks ties.
    let steps = &graph.steps;
    let mut order: Vec<usize> = (0..steps.len()).collect();
    order.sort_unstable_by_key(|&i| {
        let depth = kb.actions[steps[i].action].depth;
        (dated[i].start.earliest, depth, dated[i].done.latest, i)
    });
    // Where each action first comes in the plan, to list what a step waits for in plan order.
    let mut firsts: Vec<(usize, usize)> = Vec::with_capacity(graph.spans.len());
    for (at, &i) in order.iter().enumerate() {
        let a = steps[i].action;
        if !firsts.iter().any(|(x, _)| *x == a) {
            firsts.push((a, at));
        }
    }
    let first_at = |a: usize| firsts.iter().find(|(x, _)| *x == a).map(|(_, p)| *p);
    waits.reserve(2 * steps.len());
    Ok(order
        .iter()
        .map(|&i| {
            let s = &steps[i];
            let from = waits.len();
            graph.add_waited_actions(i, waits);
            let mine = &mut waits[from..];
            if mine.len() > 1 {
                mine.sort_by_key(|&a| first_at(a));
            }
            PlannedAction {
                action: s.action,
                check: s.check,
                item: s.item,
                start: dated[i].start,
                done: dated[i].done,
                duration_stated: !matches!(kb.actions[s.action].duration, Duration::Unstated),
                waits: from..waits.len(),
            }
        })
        .collect())
}

/// Which steps a graph holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Steps {
    /// Every step: the plan as it is shown.
    All,
    /// Only the steps that can move a date ([`ActionDef::moves_no_date`]): enough for when the
    /// plan is done, and whether that date is uncertain.
    Dated,
}

/// One step of the plan, before it is dated.
struct Step {
    action: usize,
    check: usize,
    item: Option<PlanItem>,
}

/// The steps and what each waits for. Nodes are the steps, then one join per action that
/// something waits for as a whole (done when every step of that action is). Lists are flat:
/// the predecessors of node `n` are `preds[pred_at[n]..pred_at[n + 1]]`.
struct Graph {
    /// Grouped by action, each action's steps in item order (step indices are node indices).
    steps: SmallVec<[Step; 16]>,
    /// Each planned action with the range of its steps.
    spans: SmallVec<[(usize, Range<usize>); 16]>,
    /// The action of each join node (node `steps.len() + k` is join `k`).
    joins: SmallVec<[usize; 4]>,
    preds: SmallVec<[usize; 32]>,
    pred_at: SmallVec<[usize; 32]>,
}

impl Graph {
    /// One action per failed check (once, however many checks name it), expanded into steps.
    fn new(
        kb: &Knowledge,
        failed: impl Iterator<Item = usize>,
        env: &Env<'_>,
        which: Steps,
    ) -> Graph {
        let mut steps = SmallVec::new();
        let mut spans: SmallVec<[(usize, Range<usize>); 16]> = SmallVec::new();
        let mut numbers = None;
        for check in failed {
            let Some(action) = kb.checks[check].action_idx else {
                continue;
            };
            let left_out = which == Steps::Dated && kb.actions[action].dateless;
            if left_out || spans.iter().any(|(a, _)| *a == action) {
                continue;
            }
            let from = steps.len();
            let push = |item| {
                steps.push(Step {
                    action,
                    check,
                    item,
                })
            };
            expand(&kb.actions[action], env, &mut numbers, push);
            spans.push((action, from..steps.len()));
        }
        let mut g = Graph {
            preds: SmallVec::with_capacity(2 * steps.len()),
            pred_at: SmallVec::with_capacity(steps.len() + 4),
            steps,
            spans,
            joins: SmallVec::new(),
        };
        if !g.steps.is_empty() {
            g.link(kb);
        }
        g
    }

    /// The steps of action `a` (none when it is not planned).
    fn of_action(&self, a: usize) -> Range<usize> {
        self.spans
            .iter()
            .find(|(x, _)| *x == a)
            .map_or(0..0, |(_, r)| r.clone())
    }

    /// The step an action's own order puts last: the card the limits unbind last, else the
    /// last item.
    fn last_of(&self, kb: &Knowledge, a: usize) -> Option<usize> {
        let scheduled = matches!(kb.actions[a].duration, Duration::CardSchedule);
        self.of_action(a).max_by_key(|&i| {
            let it = self.steps[i].item;
            let offset = it
                .filter(|_| scheduled)
                .map_or(0, |it| card_limits::offset(kb, it.card_kind, it.n));
            (offset, it.map(|it| it.index))
        })
    }

    /// The join node of action `a`, made on first use.
    fn join(&mut self, a: usize) -> usize {
        let n = self.steps.len();
        match self.joins.iter().position(|&x| x == a) {
            Some(k) => n + k,
            None => {
                self.joins.push(a);
                n + self.joins.len() - 1
            }
        }
    }

    /// Fills in every node's predecessors from the declarations.
    fn link(&mut self, kb: &Knowledge) {
        let n_steps = self.steps.len();
        // The last step of each action some step waits for with `last-item`, found once.
        let mut last: SmallVec<[(usize, Option<usize>); 4]> = SmallVec::new();
        self.pred_at.reserve(n_steps + 1);
        for i in 0..n_steps {
            self.pred_at.push(self.preds.len());
            let a = self.steps[i].action;
            let def = &kb.actions[a];
            if !def.first {
                for &f in &kb.first_actions {
                    if !self.of_action(f).is_empty() {
                        let j = self.join(f);
                        self.preds.push(j);
                    }
                }
            }
            for w in &def.after {
                let b = w.action_idx;
                if self.of_action(b).is_empty() {
                    continue;
                }
                let found = match w.scope {
                    Scope::Every => Some(self.join(b)),
                    Scope::LastItem => {
                        let is_last = match last.iter().find(|(x, _)| *x == a) {
                            Some((_, l)) => *l == Some(i),
                            None => {
                                let l = self.last_of(kb, a);
                                last.push((a, l));
                                l == Some(i)
                            }
                        };
                        is_last.then(|| self.join(b))
                    }
                    Scope::SameItem => self.same_item(i, b),
                };
                self.preds.extend(found);
            }
            let mine = &mut self.preds[self.pred_at[i]..];
            mine.sort_unstable();
            let kept = dedup_sorted(mine);
            self.preds.truncate(self.pred_at[i] + kept);
        }
        for k in 0..self.joins.len() {
            self.pred_at.push(self.preds.len());
            // A join waits for every step of its action.
            self.preds.extend(self.of_action(self.joins[k]));
        }
        self.pred_at.push(self.preds.len());
    }

    /// The step of action `b` about the same list item as step `i`. Their steps are in item
    /// order.
    fn same_item(&self, i: usize, b: usize) -> Option<usize> {
        let index = |s: &Step| s.item.map(|it| it.index);
        let theirs = self.of_action(b);
        let k = self.steps[theirs.clone()]
            .binary_search_by_key(&index(&self.steps[i]), index)
            .ok()?;
        Some(theirs.start + k)
    }

    fn nodes(&self) -> usize {
        self.steps.len() + self.joins.len()
    }

    fn preds_of(&self, n: usize) -> &[usize] {
        &self.preds[self.pred_at[n]..self.pred_at[n + 1]]
    }

    /// The action a node stands for: a step's, or the one a join waits for.
    fn action_of(&self, n: usize) -> usize {
        match self.steps.get(n) {
            Some(s) => s.action,
            None => self.joins[n - self.steps.len()],
        }
    }

    /// Appends the actions step `i` waits for to `out`, each once.
    fn add_waited_actions(&self, i: usize, out: &mut Vec<usize>) {
        let from = out.len();
        out.extend(self.preds_of(i).iter().map(|&p| self.action_of(p)));
        let mine = &mut out[from..];
        mine.sort_unstable();
        let kept = dedup_sorted(mine);
        out.truncate(from + kept);
    }
}

/// Moves the distinct values of a sorted slice to its front; returns how many there are.
fn dedup_sorted(v: &mut [usize]) -> usize {
    let mut kept = 0;
    for i in 0..v.len() {
        if kept == 0 || v[i] != v[kept - 1] {
            v[kept] = v[i];
            kept += 1;
        }
    }
    kept
}

/// Hands `push` one item for every step of an action: every matching item of its list (all
/// bank cards for a card schedule), or a single step about no item. Bank cards are numbered
/// among their kind in the whole list (worked out once, in `numbers`).
fn expand(
    def: &ActionDef,
    env: &Env<'_>,
    numbers: &mut Option<card_limits::CardNumbers>,
    mut push: impl FnMut(Option<PlanItem>),
) {
    let Some(per) = &def.per_item else {
        return push(None);
    };
    let len = per.list.len(env.profile).unwrap_or(0);
    // Each item's condition is judged once.
    let chosen: SmallVec<[usize; 8]> = (0..len)
        .filter(|&i| {
            per.when
                .as_ref()
                .is_none_or(|w| w.matches(env, i) == Truth::True)
        })
        .collect();
    let cards = env.profile.wallet.bank_cards.as_deref().unwrap_or(&[]);
    let numbers = match per.list {
        ListField::BankCards => numbers
            .get_or_insert_with(|| card_numbers(cards))
            .as_slice(),
        _ => &[],
    };
    let count = chosen.len();
    for (k, &index) in chosen.iter().enumerate() {
        let (n, count, card_kind) = match numbers.get(index) {
            Some(c) => (c.n, c.count, cards.get(index).and_then(|c| c.kind)),
            None => (k + 1, count, None),
        };
        push(Some(PlanItem {
            list: per.list,
            index,
            n,
            count,
            card_kind,
        }));
    }
}

/// One node's dating, in the best case (`earliest`) and the worst (`latest`).
#[derive(Clone, Copy)]
struct NodeDates {
    ready: Window,
    start: Window,
    done: Window,
}

struct Solver<'a> {
    kb: &'a Knowledge,
    env: &'a Env<'a>,
    cal: &'a Calendar,
    graph: &'a Graph,
}

impl<'a> Solver<'a> {
    fn new(kb: &'a Knowledge, env: &'a Env<'a>, cal: &'a Calendar, graph: &'a Graph) -> Self {
        Solver {
            kb,
            env,
            cal,
            graph,
        }
    }

    /// Where a node comes in topological order: a step at twice its action's depth in the
    /// declared graph (what it waits for is shallower), a join just after its action's steps.
    fn level(&self, i: usize) -> usize {
        let g = self.graph;
        match g.steps.get(i) {
            Some(s) => 2 * self.kb.actions[s.action].depth,
            None => 2 * self.kb.actions[g.joins[i - g.steps.len()]].depth + 1,
        }
    }

    /// Dates every node, level by level in topological order, both cases. Within a level the
    /// nodes go in the order they are ready, so that the card limits hand out their days in
    /// order (and a card never goes before one placed earlier, so the limits hold anyway).
    fn solve(&self) -> Result<SmallVec<[NodeDates; 16]>, DateError> {
        let g = self.graph;
        let n = g.nodes();
        let start = Window::day(self.env.start);
        let mut nodes: SmallVec<[NodeDates; 16]> = smallvec::smallvec![
            NodeDates {
                ready: start,
                start,
                done: start,
            };
            n
        ];
        // Steps are numbered in the order of their checks, then items: the node index breaks
        // ties. A join has a level of its own, after its action's steps.
        let mut order: SmallVec<[(usize, usize); 16]> =
            (0..n).map(|i| (self.level(i), i)).collect();
        order.sort_unstable();
        let (mut best, mut worst) = (CardDays::default(), CardDays::default());
        for level in order.chunk_by_mut(|a, b| a.0 == b.0) {
            for &(_, i) in level.iter() {
                let ready = g.preds_of(i).iter().map(|&p| nodes[p].done);
                nodes[i].ready = ready.fold(start, Window::max);
            }
            self.date_level(level, &mut nodes, false, &mut best)?;
            self.date_level(level, &mut nodes, true, &mut worst)?;
        }
        nodes.truncate(g.steps.len());
        Ok(nodes)
    }

    /// Dates the nodes of one level in one case, in the order they are ready in that case.
    fn date_level(
        &self,
        level: &mut [(usize, usize)],
        nodes: &mut [NodeDates],
        worst: bool,
        cards: &mut CardDays,
    ) -> Result<(), DateError> {
        let ready = |&(_, i): &(usize, usize)| (nodes[i].ready.case(worst), i);
        if !level.is_sorted_by_key(ready) {
            level.sort_unstable_by_key(ready);
        }
        for &(_, i) in level.iter() {
            let (s, d) = self.date_node(i, nodes[i].ready.case(worst), worst, cards)?;
            nodes[i].start.set_case(worst, s);
            nodes[i].done.set_case(worst, d);
        }
        Ok(())
    }

    /// A node's start and completion in one case: a join is done when it is ready; a step's
    /// error names it.
    fn date_node(
        &self,
        i: usize,
        ready: Date,
        worst: bool,
        cards: &mut CardDays,
    ) -> Result<(Date, Date), DateError> {
        let Some(step) = self.graph.steps.get(i) else {
            return Ok((ready, ready));
        };
        self.date(step, ready, worst, cards)
            .map_err(|OutOfRange| DateError(DateOf::Step(self.kb.actions[step.action].id.clone())))
    }

    /// The start and completion of `step` in one case, ready on `ready`.
    fn date(
        &self,
        step: &Step,
        ready: Date,
        worst: bool,
        cards: &mut CardDays,
    ) -> Result<(Date, Date), OutOfRange> {
        let profile = self.env.profile;
        match &self.kb.actions[step.action].duration {
            Duration::Minutes(_) | Duration::Unstated => Ok((ready, ready)),
            Duration::BusinessDays {
                min,
                max,
                not_before,
            } => {
                let mut done = self
                    .cal
                    .add_business_days(ready, if worst { *max } else { *min })?;
                if let Some(nb) = not_before {
                    if let Val::Date(d) = profile.value(nb.field.0) {
                        let due = if nb.next_business_day {
                            self.cal.next_business_day(d)?
                        } else {
                            d
                        };
                        done = done.max(due);
                    }
                }
                Ok((ready, done))
            }
            Duration::UntilDay { field, day } => {
                let reached = match profile.value(field.0) {
                    Val::Days(n) => until(self.env.as_of(), *day, n, ready)?,
                    Val::Num(n) => until(self.env.start, *day, n, ready)?,
                    _ => ready,
                };
                Ok((ready, ready.max(reached)))
            }
            Duration::CardSchedule => {
                let kind = step.item.and_then(|i| i.card_kind);
                let d = cards.place(self.kb, kind, ready, worst)?;
                Ok((d, d))
            }
        }
    }
}

/// The day a counter that stood at `count` on `base` reaches `day`; a day long past is `past`.
fn until(base: Date, day: u32, count: f64, past: Date) -> Result<Date, OutOfRange> {
    let left = i64::from(day) - count as i64;
    match add_days(base, left) {
        Ok(d) => Ok(d),
        Err(_) if left < 0 => Ok(past),
        Err(e) => Err(e),
    }
}
