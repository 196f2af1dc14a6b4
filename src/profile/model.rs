//! The account profile (state file v1, SPEC §3). Every field is optional: `None` means unknown.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use smol_str::SmolStr;

use super::values::{Count, Day, Money, SchemaVersion};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, clap::ValueEnum)]
        pub enum $name {
            $(#[serde(rename = $text)] #[value(name = $text)] $variant),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

vocabulary!(
    /// Where the user will operate.
    Platform { Android = "android", Ios = "ios", Web = "web" }
);
vocabulary!(
    /// Where the real-name account is held.
    Region { Mainland = "mainland", HkMoTw = "hk-mo-tw", SoutheastAsia = "southeast-asia", EuropeUs = "europe-us", Other = "other" }
);
vocabulary!(AccountStatus { Normal = "normal", Restricted = "restricted", Frozen = "frozen", Banned = "banned" });
vocabulary!(CardKind { Debit = "debit", Credit = "credit", Overseas = "overseas" });
vocabulary!(DeviceKind { Web = "web", Windows = "windows", Mac = "mac", Pad = "pad", Watch = "watch", Iot = "iot" });
vocabulary!(OnUnlink { KeepData = "keep-data", DeleteData = "delete-data", Unknown = "unknown" });

/// Accepts only a JSON object for `T`. (serde's derive would also build a struct from an
/// array of its fields in order, so `"wallet": []` would pass as an empty wallet.)
struct ObjectOnly<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
            .map(ObjectOnly)
    }
}

/// A nested section: an object.
fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    ObjectOnly::<T>::deserialize(d).map(|o| o.0)
}

/// A list of objects.
fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Option::<Vec<ObjectOnly<T>>>::deserialize(d)
        .map(|v| v.map(|v| v.into_iter().map(|o| o.0).collect()))
}

/// Distinguishes a missing field (`None`, unknown) from an explicit `null` (`Some(None)`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "wxacct account profile (state file v1)")]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<SchemaVersion>,
    /// Label used in batch output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<SmolStr>,
    /// The day the profile describes (day counters such as
    /// `account.days_since_security_change` count up to it); `--start` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// App version, e.g. `8.0.34`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<SmolStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(default, deserialize_with = "object")]
    pub account: Account,
    #[serde(default, deserialize_with = "object")]
    pub wallet: Wallet,
    #[serde(default, deserialize_with = "object")]
    pub roles: Roles,
    #[serde(default, deserialize_with = "object")]
    pub channels: Channels,
    #[serde(default, deserialize_with = "object")]
    pub sports: Sports,
    /// Devices other than the phone in hand.
    #[serde(
        default,
        deserialize_with = "objects",
        skip_serializing_if = "Option::is_none"
    )]
    pub devices: Option<Vec<Device>>,
    #[serde(
        default,
        deserialize_with = "objects",
        skip_serializing_if = "Option::is_none"
    )]
    pub groups_owned: Option<Vec<Group>>,
    #[serde(
        default,
        deserialize_with = "objects",
        skip_serializing_if = "Option::is_none"
    )]
    pub third_party_logins: Option<Vec<ThirdPartyLogin>>,
    #[serde(default, deserialize_with = "object")]
    pub enterprise: Enterprise,
    #[serde(default, deserialize_with = "object")]
    pub qq: Qq,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AccountStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realname_verified: Option<bool>,
    /// Account under teen mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teen_mode: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_bound: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_bound: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qq_bound: Option<bool>,
    /// The account was registered with a QQ number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_via_qq: Option<bool>,
    /// Login from an unusual place recently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent_remote_login: Option<bool>,
    /// Chat history cloud backup enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_backup: Option<bool>,
    /// Unresolved legal dispute or evidence preservation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_hold: Option<bool>,
    /// Days since the password was last changed or the phone re-bound, as of `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_since_security_change: Option<Count>,
    /// The deletion will be requested on a device often used to log in to the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_frequent_device: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wallet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_cny: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licaitong_cny: Option<Money>,
    /// Maturity of an unexpired wealth product; `null` when there is none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<Day>")]
    pub licaitong_locked_until: Option<Option<Day>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_score_enabled: Option<bool>,
    /// Active auto-deduction contracts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_deductions: Option<Count>,
    /// An open Weilidai (micro-loan) credit line or an unpaid Weilidai loan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weilidai_loan: Option<bool>,
    #[serde(
        default,
        deserialize_with = "objects",
        skip_serializing_if = "Option::is_none"
    )]
    pub bank_cards: Option<Vec<Card>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Card {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CardKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unbilled_cny: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_border_agreement: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<SmolStr>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_accounts_admin: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mini_programs_admin: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels_authorized: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_account_followers: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_admin: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mini_program_developer: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channels {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_review: Option<Count>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sports {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_pending: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Device {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DeviceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logged_in: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SmolStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_admin: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub important: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThirdPartyLogin {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<SmolStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_unlink: Option<OnUnlink>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enterprise {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_contact: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_payment: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Qq {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stolen: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallet_linked: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub games_synced: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_transfer_used: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts_import_used: Option<bool>,
}

impl Profile {
    /// Reads a profile, which must be a JSON object.
    pub fn from_json<'de, D: Deserializer<'de>>(d: D) -> Result<Profile, D::Error> {
        ObjectOnly::<Profile>::deserialize(d).map(|o| o.0)
    }
}
