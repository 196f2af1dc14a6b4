//! The account profile: the state model, reading it from inputs, and flag overrides.

pub mod error;
pub mod field;
pub mod input;
pub mod model;
pub mod overrides;
pub mod parse;
pub mod values;

pub use error::{ErrorKind, ProfileError};
pub use model::Profile;
pub use overrides::Overrides;
pub use parse::parse_profile;
