# peer.jq — jq benchmark peer of `wxacct deactivate --format jsonl`.
# Run: jq -c --arg start 2026-11-23 -f peer.jq profiles.jsonl
# Per profile prints {"source":null,"id":…,"verdict":…,"failed":[…],"unknown":[…],
# "warnings":[…],"ready_on":{…}|null} using the 21 deactivate blockers and 5 warnings of
# data/checks.json (in id order) and the plan dates of data/actions.json; peer.py says the
# rules in words. Three-valued: true = the check fails, false = passes, null = unknown (field
# missing; JSON null counts as missing, except licaitong_locked_until where null means "no
# locked product"). blocked if any blocker fails, else incomplete if any unknown, else ready.
# Dates are computed as day numbers (days since 1970-01-01, a Thursday); no --holiday.

def gt0: if . == null then null else . > 0 end;
def is($x): if . == null then null else . == $x end;
def any3: if any(. == true) then true elif any(. == null) then null else false end;
def all3: if any(. == false) then false elif any(. == null) then null else true end;
def nonempty: if . == null then null else length > 0 end;
# Kleene OR of f over the bank cards; unknown when the list is.
def any_card(f): .wallet.bank_cards | if . == null then null else map(f) | any3 end;
# after_start on wallet.licaitong_locked_until: missing → unknown, null → false
def locked_after($start):
  if (.wallet | type) == "object" and (.wallet | has("licaitong_locked_until"))
  then .wallet.licaitong_locked_until | (. != null and . > $start)
  else null end;

# Calendar on day numbers.
def daynum: strptime("%Y-%m-%d") | mktime / 86400 | floor;
def datestr: . * 86400 | todate | .[0:10];
def business: ((. + 4) % 7) as $w | $w != 0 and $w != 6;
def add_bd($n): if $n == 0 then . else (. + 1) as $d | if ($d | business) then $d | add_bd($n - 1) else $d | add_bd($n) end end;
def next_bd: if business then . else add_bd(1) end;
# Unbinding limits per kind (data/card_limits.json): [cards per period, period days].
def limit: {"credit": [3, 1], "overseas": [1, 7]}[. // "-"];
# CardDays: {placed: {kind: [days]}}; the first day from $ready that $kind's limit leaves free.
def free_day($kind; $ready):
  ($kind | limit) as $l
  | if $l == null then $ready
    else (.placed[$kind] // []) as $p
    | (if $p == [] then $ready else [$ready, $p[-1]] | max end) as $d
    | if ($p | length) >= $l[0] then [$d, $p[-$l[0]] + $l[1]] | max else $d end
    end;
# Places one card: [state, day]. Unknown kind: fastest kind (first) at best, slowest (last) at worst.
def place($kind; $ready; $worst):
  (if $kind != null then [$kind, free_day($kind; $ready)]
   else [["debit", "credit", "overseas"][] as $k | [$k, free_day($k; $ready)]]
   | if $worst then reduce .[] as $o (.[0]; if $o[1] >= .[1] then $o else . end)
     else reduce .[] as $o (.[0]; if $o[1] < .[1] then $o else . end) end
   end) as [$k, $day]
  | [.placed[$k] += [$day], $day];
# The day of the last card to be unbound in one case; the last card (by its kind's limits,
# then position) waits for $last.
def cards_done($ready; $last; $worst):
  . as $cards
  | (reduce range(length) as $i ({n: {}, o: []};
       ($cards[$i].kind // "?") as $k | .n[$k] += 1
       | .o += [[(($k | limit) as $l | if $l then ((.n[$k] - 1) / $l[0] | floor) * $l[1] else 0 end), $i]])
     | .o | max | .[1]) as $lastcard
  | [range(length) | [(if . == $lastcard then $last else $ready end), .]] | sort
  | reduce .[] as [$r, $i] ({placed: {}, day: 0};
      place($cards[$i].kind; $r; $worst) as [$s, $d] | .placed = $s.placed | .day = ([.day, $d] | max))
  | .day;

def ready_on($failed; $provisional; $start; $asof):
  def has($id): $failed | index($id) != null;
  if has("account.legal-hold") then null
  else
    (if has("account.status") then [($start | add_bd(3)), ($start | add_bd(7))] else [$start, $start] end) as $base
    | (if has("wallet.licaitong")
       then (.wallet.licaitong_locked_until | if . then daynum | next_bd else null end) as $due
         | $base | map([add_bd(3), ($due // 0)] | max)
       else null end) as $redeemed
    | (if has("account.recent-security-change")
       then ($asof + 14 - .account.days_since_security_change) as $r | $base | map([., $r] | max)
       else null end) as $waited
    | (.wallet.bank_cards // []) as $cards
    | (if has("wallet.bank-cards")
       then [($cards | cards_done($base[0]; ([$base[0], ($redeemed // $base)[0]] | max); false)),
             ($cards | cards_done($base[1]; ([$base[1], ($redeemed // $base)[1]] | max); true))]
       else null end) as $unbound
    | [$base, $redeemed, $waited, $unbound | values] as $done
    | { earliest: ($done | map(.[0]) | max | datestr),
        latest: ($done | map(.[1]) | max | datestr),
        provisional: ($provisional or has("account.teen-mode")
                      or (has("wallet.bank-cards") and any($cards[]; .kind == null))) }
  end;

($start | daynum) as $day
| (if .as_of then .as_of | daynum else $day end) as $asof
| [ ["account.frequent-device",        "b", (.account.on_frequent_device | is(false))],
    ["account.legal-hold",             "b", (.account.legal_hold | is(true))],
    ["account.realname",               "b", (.account.realname_verified | is(false))],
    ["account.recent-security-change", "b", (.account.days_since_security_change | if . == null then null else . + $day - $asof < 14 end)],
    ["account.status",                 "b", (.account.status | if . == null then null else . != "normal" end)],
    ["account.teen-mode",              "b", (.account.teen_mode | is(true))],
    ["channels.pending-review",        "b", (.channels.pending_review | gt0)],
    ["data.chat-backup",               "w", (.account.cloud_backup | is(false))],
    ["devices.logged-in",              "b", (.devices | if . == null then null else map(.logged_in | is(true)) | any3 end)],
    ["phone.linked-services",          "w", ([(.roles.merchant | is(true)), (.roles.mini_program_developer | is(true))] | any3)],
    ["roles.channels-authorization",   "b", (.roles.channels_authorized | is(true))],
    ["roles.enterprise-admin",         "b", (.roles.enterprise_admin | is(true))],
    ["roles.mini-program-admin",       "b", (.roles.mini_programs_admin | gt0)],
    ["roles.official-account-admin",   "b", (.roles.official_accounts_admin | gt0)],
    ["roles.service-account",          "b", (.roles.service_account_followers | gt0)],
    ["social.groups-owned",            "w", (.groups_owned | nonempty)],
    ["social.third-party-logins",      "w", (.third_party_logins | nonempty)],
    ["sports.sync",                    "b", (.sports.sync_pending | is(true))],
    ["verify.ios-email",               "w", ([(.platform | is("ios")), (.account.email_bound | is(false))] | all3)],
    ["wallet.auto-deductions",         "b", (.wallet.auto_deductions | gt0)],
    ["wallet.balance",                 "b", (.wallet.balance_cny | gt0)],
    ["wallet.bank-cards",              "b", (.wallet.bank_cards | nonempty)],
    ["wallet.credit-unbilled",         "b", any_card([(.kind | is("credit")), (.unbilled_cny | gt0)] | all3)],
    ["wallet.licaitong",               "b", ([(.wallet.licaitong_cny | gt0), locked_after($start)] | any3)],
    ["wallet.overseas-cross-border",   "b", any_card([(.kind | is("overseas")), (.cross_border_agreement | is(true))] | all3)],
    ["wallet.pay-score",               "b", (.wallet.pay_score_enabled | is(true))]
  ] as $checks
| [$checks[] | select(.[1] == "b" and .[2] == true) | .[0]] as $failed
| [$checks[] | select(.[1] == "b" and .[2] == null) | .[0]] as $unknown
| { source: null,
    id: .id,
    verdict: (if $failed != [] then "blocked" elif $unknown != [] then "incomplete" else "ready" end),
    failed: $failed,
    unknown: $unknown,
    warnings: [$checks[] | select(.[1] == "w" and .[2] == true) | .[0]],
    ready_on: ready_on($failed; $unknown != []; $day; $asof) }
