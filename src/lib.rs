//! wxacct: an offline planner for WeChat account deletion, real-name removal and QQ unbinding.
//!
//! Data flows one way: `cli` (flags) → `app` (checked settings) → `profile` (state model,
//! loading, overrides) → `knowledge` (embedded facts) → `engine` (checks, planner, calendar)
//! → `tasks` (one module per subcommand) → `render` (table, json, jsonl, markdown, junit).
//!
//! wxacct is an independent tool, not affiliated with Tencent; it never contacts any service.

pub mod app;
pub mod cli;
pub mod complete;
pub mod engine;
pub mod explain;
pub mod field_entries;
pub mod generate;
pub mod init;
pub mod interrupt;
pub mod knowledge;
pub mod lang;
pub mod message;
pub mod profile;
pub mod progress;
pub mod render;
pub mod run;
pub mod tasks;
