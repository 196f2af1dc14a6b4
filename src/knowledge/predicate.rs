//! The condition language of the data files, compiled into typed predicates.
//!
//! ```json
//! { "gt": ["wallet.balance_cny", 0] }            field > number
//! { "eq": ["platform", "ios"] }                  field == value  (also "ne", "lt", "ge", "le")
//! { "in": ["region", ["hk-mo-tw", "other"]] }     field is one of
//! { "after_start": "wallet.licaitong_locked_until" }  date field later than --start
//! { "known": "account.qq_bound" }                the profile gives the field (never unknown)
//! { "nonempty": "wallet.bank_cards" }             list has an item
//! { "any_item": ["devices", { "eq": ["logged_in", true] }] }
//! { "any": [..] }  { "all": [..] }  { "not": .. }  three-valued logic
//! { "check": "wallet.licaitong" }                 that check fails
//! ```

use serde::Deserialize;
use serde_json::Value;

use crate::profile::field::{
    enum_values, CardField, DeviceField, Field, GroupField, ListField, LoginField,
};

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum PredSpec {
    Eq(String, Value),
    Ne(String, Value),
    Gt(String, f64),
    Lt(String, f64),
    Ge(String, f64),
    Le(String, f64),
    In(String, Vec<Value>),
    AfterStart(String),
    Known(String),
    Nonempty(String),
    AnyItem(String, Box<PredSpec>),
    Any(Vec<PredSpec>),
    All(Vec<PredSpec>),
    Not(Box<PredSpec>),
    Check(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Bool(bool),
    Num(f64),
    Str(String),
}

/// A constant as a comparison reads it: borrowed, so that the code `build.rs` generates from
/// the conditions can write its constants in place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lit<'a> {
    Bool(bool),
    Num(f64),
    Str(&'a str),
}

impl Const {
    pub fn lit(&self) -> Lit<'_> {
        match self {
            Const::Bool(b) => Lit::Bool(*b),
            Const::Num(n) => Lit::Num(*n),
            Const::Str(s) => Lit::Str(s),
        }
    }
}

/// A compiled condition over the fields `F` of some subject (the profile or a list item).
#[derive(Debug, Clone)]
pub enum Pred<F> {
    Cmp(F, CmpOp, Const),
    In(F, Vec<Const>),
    AfterStart(F),
    /// The field is given (not missing): true or false, never unknown.
    Known(F),
    NonEmpty(ListField),
    AnyItem(ItemPred),
    Any(Vec<Pred<F>>),
    All(Vec<Pred<F>>),
    Not(Box<Pred<F>>),
    /// True when the named check fails; the index is filled in once every check is loaded.
    Check(String, usize),
}

/// A condition on the items of one list.
#[derive(Debug, Clone)]
pub enum ItemPred {
    Cards(Box<Pred<CardField>>),
    Devices(Box<Pred<DeviceField>>),
    Groups(Box<Pred<GroupField>>),
    Logins(Box<Pred<LoginField>>),
}

impl ItemPred {
    /// Compiles `spec` against the item fields of `list`.
    pub fn compile(list: ListField, spec: &PredSpec) -> Result<ItemPred, String> {
        Ok(match list {
            ListField::BankCards => ItemPred::Cards(Box::new(spec.compile()?)),
            ListField::Devices => ItemPred::Devices(Box::new(spec.compile()?)),
            ListField::GroupsOwned => ItemPred::Groups(Box::new(spec.compile()?)),
            ListField::ThirdPartyLogins => ItemPred::Logins(Box::new(spec.compile()?)),
        })
    }
}

/// The fields a predicate may name: how to find one by path, and which values it allows.
pub trait FieldSet: Copy + Sized {
    /// The list whose items have these fields; `None` for the profile's own fields.
    const LIST: Option<ListField>;
    fn lookup(path: &str) -> Option<Self>;
    fn name(self) -> &'static str;
    /// The values an enum field allows (`None` for other fields).
    fn allowed(self) -> Option<Vec<&'static str>> {
        match Self::LIST {
            None => enum_values(self.name()),
            Some(list) => enum_values(&format!("{}.{}", list.path(), self.name())),
        }
    }
}

macro_rules! field_set {
    ($($t:ty => $list:expr),+ $(,)?) => {
        $(impl FieldSet for $t {
            const LIST: Option<ListField> = $list;
            fn lookup(path: &str) -> Option<Self> {
                <$t>::from_path(path)
            }
            fn name(self) -> &'static str {
                self.path()
            }
        })+
    };
}

field_set!(
    Field => None,
    CardField => Some(ListField::BankCards),
    DeviceField => Some(ListField::Devices),
    GroupField => Some(ListField::GroupsOwned),
    LoginField => Some(ListField::ThirdPartyLogins),
);

fn field<F: FieldSet>(path: &str) -> Result<F, String> {
    F::lookup(path).ok_or_else(|| format!("unknown field `{path}` in a condition"))
}

fn constant<F: FieldSet>(f: F, path: &str, v: &Value) -> Result<Const, String> {
    let c = match v {
        Value::Bool(b) => Const::Bool(*b),
        Value::Number(n) => Const::Num(n.as_f64().ok_or("number out of range")?),
        Value::String(s) => Const::Str(s.clone()),
        other => return Err(format!("`{path}`: cannot compare with {other}")),
    };
    if let (Const::Str(s), Some(allowed)) = (&c, f.allowed()) {
        if !allowed.contains(&s.as_str()) {
            return Err(format!(
                "`{path}` has no value `{s}` (allowed: {})",
                allowed.join(", ")
            ));
        }
    }
    Ok(c)
}

impl PredSpec {
    pub fn compile<F: FieldSet>(&self) -> Result<Pred<F>, String> {
        let cmp = |path: &str, op, v: Const| -> Result<Pred<F>, String> {
            Ok(Pred::Cmp(field(path)?, op, v))
        };
        let many = |specs: &[PredSpec]| {
            specs
                .iter()
                .map(PredSpec::compile::<F>)
                .collect::<Result<Vec<_>, _>>()
        };
        match self {
            PredSpec::Eq(p, v) => cmp(p, CmpOp::Eq, constant(field::<F>(p)?, p, v)?),
            PredSpec::Ne(p, v) => cmp(p, CmpOp::Ne, constant(field::<F>(p)?, p, v)?),
            PredSpec::Gt(p, n) => cmp(p, CmpOp::Gt, Const::Num(*n)),
            PredSpec::Lt(p, n) => cmp(p, CmpOp::Lt, Const::Num(*n)),
            PredSpec::Ge(p, n) => cmp(p, CmpOp::Ge, Const::Num(*n)),
            PredSpec::Le(p, n) => cmp(p, CmpOp::Le, Const::Num(*n)),
            PredSpec::In(p, vs) => {
                let f = field::<F>(p)?;
                let consts = vs
                    .iter()
                    .map(|v| constant(f, p, v))
                    .collect::<Result<_, _>>()?;
                Ok(Pred::In(f, consts))
            }
            PredSpec::AfterStart(p) => Ok(Pred::AfterStart(field(p)?)),
            PredSpec::Known(p) => Ok(Pred::Known(field(p)?)),
            PredSpec::Nonempty(p) if F::LIST.is_none() => Ok(Pred::NonEmpty(list(p)?)),
            PredSpec::AnyItem(p, inner) if F::LIST.is_none() => {
                Ok(Pred::AnyItem(ItemPred::compile(list(p)?, inner)?))
            }
            PredSpec::Check(id) if F::LIST.is_none() => Ok(Pred::Check(id.clone(), usize::MAX)),
            PredSpec::Nonempty(_) | PredSpec::AnyItem(..) | PredSpec::Check(_) => {
                Err("lists and checks can only be named at the top level of a condition".into())
            }
            PredSpec::Any(v) => Ok(Pred::Any(many(v)?)),
            PredSpec::All(v) => Ok(Pred::All(many(v)?)),
            PredSpec::Not(p) => Ok(Pred::Not(Box::new(p.compile()?))),
        }
    }
}

pub fn list(path: &str) -> Result<ListField, String> {
    ListField::from_path(path).ok_or_else(|| format!("unknown list `{path}` in a condition"))
}

impl<F> Pred<F> {
    /// Visits every `check` reference, so that the loader can resolve or report it.
    pub fn check_refs_mut(&mut self, visit: &mut dyn FnMut(&str, &mut usize)) {
        match self {
            Pred::Check(id, idx) => visit(id, idx),
            Pred::Any(v) | Pred::All(v) => v.iter_mut().for_each(|p| p.check_refs_mut(visit)),
            Pred::Not(p) => p.check_refs_mut(visit),
            _ => {}
        }
    }
}

/// A condition on check outcomes alone, worked out at load into a mask of check indices: a
/// `check`, or an `any` or `all` of checks, under any number of `not`s. Judging it is a few mask
/// tests instead of a walk of the tree (`troubleshoot` judges every cause on every profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckTest {
    /// The checks named, one bit per check index.
    pub mask: u64,
    /// `all` of the checks (else `any`; one check is either).
    pub all: bool,
    /// Under an odd number of `not`s.
    pub negated: bool,
}

impl CheckTest {
    /// The test a condition amounts to, when it names checks alone (resolved, each index
    /// below 64); `None` for any other shape.
    pub fn of<F>(p: &Pred<F>) -> Option<CheckTest> {
        let bit = |idx: usize| u32::try_from(idx).ok().and_then(|i| 1u64.checked_shl(i));
        match p {
            Pred::Check(_, idx) => Some(CheckTest {
                mask: bit(*idx)?,
                all: false,
                negated: false,
            }),
            Pred::Any(ps) | Pred::All(ps) => {
                let mut mask = 0;
                for p in ps {
                    match p {
                        Pred::Check(_, idx) => mask |= bit(*idx)?,
                        _ => return None,
                    }
                }
                Some(CheckTest {
                    mask,
                    all: matches!(p, Pred::All(_)),
                    negated: false,
                })
            }
            Pred::Not(p) => CheckTest::of(p).map(|t| CheckTest {
                negated: !t.negated,
                ..t
            }),
            _ => None,
        }
    }
}

/// A profile-level condition as it appears in data files, compiled, with its source text
/// kept for `wxacct explain`.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "Value")]
pub struct Condition(pub Pred<Field>, pub Value);

impl TryFrom<Value> for Condition {
    type Error = String;
    fn try_from(raw: Value) -> Result<Self, String> {
        let spec: PredSpec =
            serde_json::from_value(raw.clone()).map_err(|e| format!("condition {raw}: {e}"))?;
        spec.compile().map(|p| Condition(p, raw))
    }
}
