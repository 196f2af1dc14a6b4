//! Named access to profile fields, so that data files can refer to them by path
//! (`wallet.balance_cny`) and the engine can read them without knowing the struct.

use jiff::civil::Date;

use super::model::{
    AccountStatus, Card, CardKind, Device, DeviceKind, Group, OnUnlink, Platform, Profile, Region,
    ThirdPartyLogin,
};

/// A field value as the engine sees it. `Missing` is unknown; `Null` is an explicit "none".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val<'a> {
    Missing,
    Null,
    Bool(bool),
    Num(f64),
    Str(&'a str),
    Date(Date),
    /// A count of days as of the profile's `as_of`: it grows by one each day after it.
    Days(f64),
}

impl<'a, T: Into<Val<'a>>> From<Option<T>> for Val<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Val::Missing, Into::into)
    }
}
impl From<bool> for Val<'_> {
    fn from(v: bool) -> Self {
        Val::Bool(v)
    }
}
impl From<super::values::Money> for Val<'_> {
    fn from(v: super::values::Money) -> Self {
        Val::Num(v.0)
    }
}
impl From<super::values::Count> for Val<'_> {
    fn from(v: super::values::Count) -> Self {
        Val::Num(f64::from(v.0))
    }
}
/// A field counting days up to the day the profile describes (`as_of`).
#[derive(Debug, Clone, Copy)]
pub struct DayCount(pub super::values::Count);

impl From<DayCount> for Val<'_> {
    fn from(v: DayCount) -> Self {
        Val::Days(f64::from(v.0 .0))
    }
}

impl<'a> From<&'a smol_str::SmolStr> for Val<'a> {
    fn from(v: &'a smol_str::SmolStr) -> Self {
        Val::Str(v)
    }
}

/// Something whose fields a predicate can read: the profile itself, or one list item.
pub trait Facts {
    type Field: Copy;
    fn value(&self, field: Self::Field) -> Val<'_>;
}

macro_rules! fields {
    // A field of a list's items: also its path in the whole profile (`wallet.bank_cards[].kind`).
    ($(#[$meta:meta])* $name:ident for $subject:ty, in $list:literal { $($variant:ident = $path:literal => |$p:ident| $get:expr),+ $(,)? }) => {
        fields!($(#[$meta])* $name for $subject { $($variant = $path => |$p| $get),+ });
        impl $name {
            /// The path of the field of every item: `LIST[].FIELD`, as the field catalogue and
            /// `--set` write it.
            pub fn item_path(self) -> &'static str {
                match self { $($name::$variant => concat!($list, "[].", $path)),+ }
            }
        }
    };
    ($(#[$meta:meta])* $name:ident for $subject:ty { $($variant:ident = $path:literal => |$p:ident| $get:expr),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn path(self) -> &'static str {
                match self { $($name::$variant => $path),+ }
            }
            pub fn from_path(path: &str) -> Option<$name> {
                match path { $($path => Some($name::$variant),)+ _ => None }
            }
            /// The field at `path`, worked out while compiling: the code `build.rs` generates
            /// from the conditions names its fields by path, and an unknown path stops the build.
            pub const fn at(path: &str) -> $name {
                $(if same(path, $path) { return $name::$variant; })+
                panic!("no field at this path")
            }
        }
        impl Facts for $subject {
            type Field = $name;
            // Always inlined: each field's arm then ends in the comparison that reads it, with
            // no `Val` built in between (3f68fb9 in docs/performance.md).
            #[inline(always)]
            fn value(&self, field: $name) -> Val<'_> {
                match field { $($name::$variant => { let $p = self; Val::from($get) }),+ }
            }
        }
    };
}

/// Whether two strings are equal, in a `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

fn day(d: Option<Option<super::values::Day>>) -> Val<'static> {
    match d {
        None => Val::Missing,
        Some(None) => Val::Null,
        Some(Some(d)) => Val::Date(d.0),
    }
}

fields!(
    /// A scalar field of the profile, by its dotted path.
    Field for Profile {
        Id = "id" => |p| p.id.as_ref(),
        AsOf = "as_of" => |p| day(p.as_of.map(Some)),
        Platform = "platform" => |p| p.platform.map(|v| Val::Str(v.as_str())),
        AppVersion = "app_version" => |p| p.app_version.as_ref(),
        Region = "region" => |p| p.region.map(|v| Val::Str(v.as_str())),
        Status = "account.status" => |p| p.account.status.map(|v| Val::Str(v.as_str())),
        RealnameVerified = "account.realname_verified" => |p| p.account.realname_verified,
        TeenMode = "account.teen_mode" => |p| p.account.teen_mode,
        PhoneBound = "account.phone_bound" => |p| p.account.phone_bound,
        EmailBound = "account.email_bound" => |p| p.account.email_bound,
        QqBound = "account.qq_bound" => |p| p.account.qq_bound,
        RegisteredViaQq = "account.registered_via_qq" => |p| p.account.registered_via_qq,
        RecentRemoteLogin = "account.recent_remote_login" => |p| p.account.recent_remote_login,
        CloudBackup = "account.cloud_backup" => |p| p.account.cloud_backup,
        LegalHold = "account.legal_hold" => |p| p.account.legal_hold,
        DaysSinceSecurityChange = "account.days_since_security_change" => |p| p.account.days_since_security_change.map(DayCount),
        OnFrequentDevice = "account.on_frequent_device" => |p| p.account.on_frequent_device,
        BalanceCny = "wallet.balance_cny" => |p| p.wallet.balance_cny,
        LicaitongCny = "wallet.licaitong_cny" => |p| p.wallet.licaitong_cny,
        LicaitongLockedUntil = "wallet.licaitong_locked_until" => |p| day(p.wallet.licaitong_locked_until),
        PayScoreEnabled = "wallet.pay_score_enabled" => |p| p.wallet.pay_score_enabled,
        AutoDeductions = "wallet.auto_deductions" => |p| p.wallet.auto_deductions,
        WeilidaiLoan = "wallet.weilidai_loan" => |p| p.wallet.weilidai_loan,
        OfficialAccountsAdmin = "roles.official_accounts_admin" => |p| p.roles.official_accounts_admin,
        MiniProgramsAdmin = "roles.mini_programs_admin" => |p| p.roles.mini_programs_admin,
        ChannelsAuthorized = "roles.channels_authorized" => |p| p.roles.channels_authorized,
        ServiceAccountFollowers = "roles.service_account_followers" => |p| p.roles.service_account_followers,
        EnterpriseAdmin = "roles.enterprise_admin" => |p| p.roles.enterprise_admin,
        Merchant = "roles.merchant" => |p| p.roles.merchant,
        MiniProgramDeveloper = "roles.mini_program_developer" => |p| p.roles.mini_program_developer,
        PendingReview = "channels.pending_review" => |p| p.channels.pending_review,
        SyncPending = "sports.sync_pending" => |p| p.sports.sync_pending,
        EnterpriseLinked = "enterprise.linked" => |p| p.enterprise.linked,
        Attendance = "enterprise.attendance" => |p| p.enterprise.attendance,
        CustomerContact = "enterprise.customer_contact" => |p| p.enterprise.customer_contact,
        EnterprisePayment = "enterprise.enterprise_payment" => |p| p.enterprise.enterprise_payment,
        QqStolen = "qq.stolen" => |p| p.qq.stolen,
        QqWalletLinked = "qq.wallet_linked" => |p| p.qq.wallet_linked,
        QqGamesSynced = "qq.games_synced" => |p| p.qq.games_synced,
        QqFileTransferUsed = "qq.file_transfer_used" => |p| p.qq.file_transfer_used,
        QqContactsImportUsed = "qq.contacts_import_used" => |p| p.qq.contacts_import_used,
    }
);

fields!(
    /// A field of a bank card.
    CardField for Card, in "wallet.bank_cards" {
        Kind = "kind" => |c| c.kind.map(|v| Val::Str(v.as_str())),
        UnbilledCny = "unbilled_cny" => |c| c.unbilled_cny,
        CrossBorderAgreement = "cross_border_agreement" => |c| c.cross_border_agreement,
        Label = "label" => |c| c.label.as_ref(),
    }
);
fields!(
    /// A field of a device.
    DeviceField for Device, in "devices" {
        Kind = "kind" => |d| d.kind.map(|v| Val::Str(v.as_str())),
        LoggedIn = "logged_in" => |d| d.logged_in,
    }
);
fields!(
    /// A field of an owned group.
    GroupField for Group, in "groups_owned" {
        Name = "name" => |g| g.name.as_ref(),
        HasAdmin = "has_admin" => |g| g.has_admin,
        Important = "important" => |g| g.important,
    }
);
fields!(
    /// A field of a third-party login.
    LoginField for ThirdPartyLogin, in "third_party_logins" {
        Name = "name" => |l| l.name.as_ref(),
        OnUnlink = "on_unlink" => |l| l.on_unlink.map(|v| Val::Str(v.as_str())),
    }
);

/// A list field of the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListField {
    BankCards,
    Devices,
    GroupsOwned,
    ThirdPartyLogins,
}

impl ListField {
    pub const ALL: &'static [ListField] = &[
        ListField::BankCards,
        ListField::Devices,
        ListField::GroupsOwned,
        ListField::ThirdPartyLogins,
    ];
    pub const fn path(self) -> &'static str {
        match self {
            ListField::BankCards => "wallet.bank_cards",
            ListField::Devices => "devices",
            ListField::GroupsOwned => "groups_owned",
            ListField::ThirdPartyLogins => "third_party_logins",
        }
    }
    pub fn from_path(path: &str) -> Option<ListField> {
        Self::ALL.iter().copied().find(|l| l.path() == path)
    }
    /// The list at `path`, worked out while compiling (see the fields' `at`).
    pub const fn at(path: &str) -> ListField {
        let mut i = 0;
        while i < Self::ALL.len() {
            if same(path, Self::ALL[i].path()) {
                return Self::ALL[i];
            }
            i += 1;
        }
        panic!("no list at this path")
    }
}

/// A list of the profile, named by [`ListField`] as a number (a `ListField` cannot be a const
/// parameter itself), so that code can be generic over the list it reads.
pub struct ListOf<const L: u8>;

/// The items of a list of the profile.
pub trait ItemList {
    type Item: Facts;
    const LIST: ListField;
    fn items(p: &Profile) -> Option<&[Self::Item]>;
}

macro_rules! item_lists {
    ($($list:ident: $item:ty => |$p:ident| $get:expr),+ $(,)?) => {
        $(impl ItemList for ListOf<{ ListField::$list as u8 }> {
            type Item = $item;
            const LIST: ListField = ListField::$list;
            fn items($p: &Profile) -> Option<&[$item]> {
                $get
            }
        })+
        impl ListField {
            /// The list's length, `None` when the list itself is unknown.
            pub fn len(self, p: &Profile) -> Option<usize> {
                match self {
                    $(ListField::$list => {
                        <ListOf<{ ListField::$list as u8 }>>::items(p).map(<[$item]>::len)
                    })+
                }
            }
        }
    };
}
item_lists!(
    BankCards: Card => |p| p.wallet.bank_cards.as_deref(),
    Devices: Device => |p| p.devices.as_deref(),
    GroupsOwned: Group => |p| p.groups_owned.as_deref(),
    ThirdPartyLogins: ThirdPartyLogin => |p| p.third_party_logins.as_deref(),
);

/// The path of each field of the lists' items (`wallet.bank_cards[].unbilled_cny`).
pub fn item_paths() -> impl Iterator<Item = &'static str> {
    (CardField::ALL.iter().map(|f| f.item_path()))
        .chain(DeviceField::ALL.iter().map(|f| f.item_path()))
        .chain(GroupField::ALL.iter().map(|f| f.item_path()))
        .chain(LoginField::ALL.iter().map(|f| f.item_path()))
}

/// Every path the state file accepts below the top level, for `--set` and hints.
pub fn all_paths() -> impl Iterator<Item = &'static str> {
    Field::ALL
        .iter()
        .map(|f| f.path())
        .chain(ListField::ALL.iter().map(|l| l.path()))
        .chain(item_paths())
        .chain(["schema_version"])
}

/// The values an enum field accepts, by its dotted path (`devices.kind`); list indices in the
/// path (`devices[2].kind`) are ignored. `None` for a field that is not an enum.
pub fn enum_values(path: &str) -> Option<Vec<&'static str>> {
    fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Option<Vec<&'static str>> {
        Some(all.iter().map(|v| name(*v)).collect())
    }
    let mut bare = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => bare.push(c),
            _ => {}
        }
    }
    match bare.as_str() {
        "platform" => names(Platform::ALL, Platform::as_str),
        "region" => names(Region::ALL, Region::as_str),
        "account.status" => names(AccountStatus::ALL, AccountStatus::as_str),
        "wallet.bank_cards.kind" => names(CardKind::ALL, CardKind::as_str),
        "devices.kind" => names(DeviceKind::ALL, DeviceKind::as_str),
        "third_party_logins.on_unlink" => names(OnUnlink::ALL, OnUnlink::as_str),
        _ => None,
    }
}
