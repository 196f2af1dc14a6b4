# peer.jq — jq benchmark peer of `wxacct deactivate --format jsonl`.
# Run: jq -c --arg start 2026-11-23 -f peer.jq profiles.jsonl
# Per profile prints {"source":null,"id":…,"verdict":…,"failed":[…]} using the 21
# deactivate blockers of data/checks.json, listed here in id order.
# Three-valued: true = the check fails, false = passes, null = unknown (field
# missing; JSON null counts as missing, except licaitong_locked_until where null
# means "no locked product"). blocked if any fails, else incomplete if any
# unknown, else ready.

def gt0: if . == null then null else . > 0 end;
def is($x): if . == null then null else . == $x end;
def any3: if any(. == true) then true elif any(. == null) then null else false end;
def all3: if any(. == false) then false elif any(. == null) then null else true end;
# Kleene OR of f over the bank cards; unknown when the list is.
def any_card(f): .wallet.bank_cards | if . == null then null else map(f) | any3 end;
# after_start on wallet.licaitong_locked_until: missing → unknown, null → false
def locked_after($start):
  if (.wallet | type) == "object" and (.wallet | has("licaitong_locked_until"))
  then .wallet.licaitong_locked_until | (. != null and . > $start)
  else null end;

[ ["account.frequent-device",        (.account.on_frequent_device | is(false))],
  ["account.legal-hold",             (.account.legal_hold | is(true))],
  ["account.realname",               (.account.realname_verified | is(false))],
  ["account.recent-security-change", (.account.days_since_security_change | if . == null then null else . < 14 end)],
  ["account.status",                 (.account.status | if . == null then null else . != "normal" end)],
  ["account.teen-mode",              (.account.teen_mode | is(true))],
  ["channels.pending-review",        (.channels.pending_review | gt0)],
  ["devices.logged-in",              (.devices | if . == null then null else map(.logged_in | is(true)) | any3 end)],
  ["roles.channels-authorization",   (.roles.channels_authorized | is(true))],
  ["roles.enterprise-admin",         (.roles.enterprise_admin | is(true))],
  ["roles.mini-program-admin",       (.roles.mini_programs_admin | gt0)],
  ["roles.official-account-admin",   (.roles.official_accounts_admin | gt0)],
  ["roles.service-account",          (.roles.service_account_followers | gt0)],
  ["sports.sync",                    (.sports.sync_pending | is(true))],
  ["wallet.auto-deductions",         (.wallet.auto_deductions | gt0)],
  ["wallet.balance",                 (.wallet.balance_cny | gt0)],
  ["wallet.bank-cards",              (.wallet.bank_cards | if . == null then null else length > 0 end)],
  ["wallet.credit-unbilled",         any_card([(.kind | is("credit")), (.unbilled_cny | gt0)] | all3)],
  ["wallet.licaitong",               ([(.wallet.licaitong_cny | gt0), locked_after($start)] | any3)],
  ["wallet.overseas-cross-border",   any_card([(.kind | is("overseas")), (.cross_border_agreement | is(true))] | all3)],
  ["wallet.pay-score",               (.wallet.pay_score_enabled | is(true))]
] as $checks
| ([$checks[] | select(.[1] == true) | .[0]]) as $failed
| { source: null,
    id: .id,
    verdict: (if $failed != [] then "blocked"
              elif any($checks[]; .[1] == null) then "incomplete"
              else "ready" end),
    failed: $failed }
