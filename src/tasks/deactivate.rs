//! `wxacct deactivate`: delete the account (SPEC §4.1).
//!
//! Check everything that stops a deletion, plan the remedies with their dates, give the in-app
//! procedure for the platform, and date what happens after the request is submitted.

use super::result::{DeactivateParts, EventView, Parts, ProcedureView, StepView};
use super::views;
use super::{Context, Evaluation};
use crate::engine::timeline::{self, DatedEvent};
use crate::engine::{checks, DateError, Env, Truth};
use crate::knowledge::{Knowledge, TaskId};
use crate::lang::Lang;

pub fn evaluate(ctx: &Context, env: &Env<'_>) -> Result<Evaluation, DateError> {
    let outcomes = checks::evaluate_task(ctx.kb, TaskId::Deactivate, env);
    let eval = Evaluation::new(ctx, env, outcomes, Truth::True)?;
    timeline::check(ctx.kb, env, submitted(&eval))?;
    Ok(eval)
}

/// The request is submitted once the plan is done.
fn submitted(eval: &Evaluation) -> Option<jiff::civil::Date> {
    eval.plan.ready_on.map(|r| r.latest)
}

pub fn parts(ctx: &Context, env: &Env<'_>, eval: &Evaluation, lang: Lang) -> Parts {
    let kb = ctx.kb;
    // `evaluate` checked that every event can be dated.
    let events = timeline::build(kb, env, submitted(eval)).unwrap_or_default();
    let timeline = events.iter().map(|e| event(kb, e, lang)).collect();
    Parts::Deactivate(DeactivateParts {
        plan: views::plan(ctx, env, &eval.plan, lang),
        ready_on: eval.plan.ready_on,
        procedure: procedure(kb, env, lang),
        timeline,
        notes: views::notes(kb, &kb.deactivate.notes, env, lang),
    })
}

fn event(kb: &'static Knowledge, e: &DatedEvent, lang: Lang) -> EventView {
    let def = &kb.events[e.event];
    EventView {
        id: &def.id,
        after_days: e.after_days,
        on: e.on,
        title: def.title.get(lang),
        short_title: def.short.get(lang),
        sources: views::event_sources(kb, e),
        conflicts: views::conflicts(kb, &def.conflicts, lang),
    }
}

fn procedure(kb: &'static Knowledge, env: &Env<'_>, lang: Lang) -> ProcedureView {
    let p = &kb.deactivate.procedure;
    let platform = env.profile.platform;
    let unsupported = platform.and_then(|pl| p.unsupported.iter().find(|u| u.platform == pl));
    let steps = p
        .steps
        .iter()
        .filter(|s| platform.is_none_or(|pl| unsupported.is_some() || s.platforms.contains(&pl)))
        .map(|s| StepView {
            id: &s.id,
            platforms: s.platforms.clone(),
            text: s.text.get(lang),
            sources: views::strs(&s.sources),
            conflicts: views::conflicts(kb, &s.conflicts, lang),
        })
        .collect();
    let mut sources = views::strs(&p.sources);
    if let Some(u) = unsupported {
        sources.extend(views::strs(&u.sources));
    }
    ProcedureView {
        platform,
        supported: unsupported.is_none(),
        path: p.path.get(lang),
        screens: p.screens,
        tested_on: &p.tested_on,
        steps,
        unsupported_note: unsupported.map(|u| u.text.get(lang)),
        sources,
        conflicts: views::conflicts(kb, &p.conflicts, lang),
    }
}
