//! Scalar value types of the state file: money, counts, dates and the schema version.
//! Each one validates on the way in, so that the rest of the program can trust it.

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::message::{Message, Msg};

/// An amount in CNY: a finite number, zero or more.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Money(pub f64);

/// A whole number, zero or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Count(pub u32);

/// A calendar day written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

/// The state-file format version; only `1` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SchemaVersion;

pub const MONEY_EXPECTED: &str = "an amount in CNY (a number ≥ 0)";
pub const COUNT_EXPECTED: &str = "a whole number ≥ 0";
pub const DATE_EXPECTED: &str = "a date YYYY-MM-DD";
/// A date of the right shape that does not exist (`2026-02-30`).
pub const REAL_DAY_EXPECTED: &str = "a real day YYYY-MM-DD";

/// Parses a date in exactly the `YYYY-MM-DD` form, rejecting days that do not exist.
pub fn parse_day(text: &str) -> Result<Date, Message> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(Message::new(Msg::DateShape).with("found", format!("{text:?}")));
    }
    let num = |r: std::ops::Range<usize>| text[r].parse::<i16>().unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7) as i8, num(8..10) as i8);
    Date::new(y, m, d)
        .map_err(|_| Message::new(Msg::DateNotReal).with("found", format!("{text:?}")))
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

struct MoneyVisitor;
impl Visitor<'_> for MoneyVisitor {
    type Value = Money;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(MONEY_EXPECTED)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
        Ok(Money(v as f64))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
        if v < 0 {
            return Err(E::invalid_value(de::Unexpected::Signed(v), &self));
        }
        Ok(Money(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
        if !v.is_finite() || v < 0.0 {
            return Err(E::invalid_value(de::Unexpected::Float(v), &self));
        }
        Ok(Money(v))
    }
}
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MoneyVisitor)
    }
}
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.0)
    }
}

struct CountVisitor;
impl Visitor<'_> for CountVisitor {
    type Value = Count;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(COUNT_EXPECTED)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
        u32::try_from(v)
            .map(Count)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
        u32::try_from(v)
            .map(Count)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
        Err(E::invalid_value(de::Unexpected::Float(v), &self))
    }
}
impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}
impl Serialize for Count {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.0)
    }
}

struct DayVisitor;
impl Visitor<'_> for DayVisitor {
    type Value = Day;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(DATE_EXPECTED)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Day, E> {
        parse_day(v).map(Day).map_err(|m| {
            let expected = match m.id() {
                Msg::DateNotReal => REAL_DAY_EXPECTED,
                _ => DATE_EXPECTED,
            };
            E::invalid_value(de::Unexpected::Str(v), &expected)
        })
    }
}
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DayVisitor)
    }
}
impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

struct VersionVisitor;
impl Visitor<'_> for VersionVisitor {
    type Value = SchemaVersion;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("schema version 1")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<SchemaVersion, E> {
        if v == 1 {
            Ok(SchemaVersion)
        } else {
            Err(E::invalid_value(de::Unexpected::Unsigned(v), &self))
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<SchemaVersion, E> {
        Err(E::invalid_value(de::Unexpected::Signed(v), &self))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<SchemaVersion, E> {
        Err(E::invalid_value(de::Unexpected::Float(v), &self))
    }
}
impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(VersionVisitor)
    }
}
impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(1)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number", "minimum": 0, "description": "Amount in CNY" })
    }
}
impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "maximum": u32::MAX })
    }
}
impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
    }
}
impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": 1 })
    }
}
