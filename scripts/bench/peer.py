#!/usr/bin/env python3
"""peer.py --start YYYY-MM-DD FILE.jsonl

Python benchmark peer of `wxacct deactivate --format jsonl`: for each JSON line
prints {"source":null,"id":…,"verdict":…,"failed":[…],"unknown":[…],
"warnings":[…],"ready_on":{…}|null} with the same 21 deactivate blockers and 5
warnings as data/checks.json, and the plan's dates as data/actions.json
declares them (no --holiday: business days are Monday to Friday).

Three-valued logic: each check is True (fails), False (passes) or None
(unknown: a field it needs is missing; JSON null counts as missing except for
licaitong_locked_until, where null means "no locked product"). Verdict: blocked
if any blocker fails, else incomplete if any is unknown, else ready.

The plan (SPEC §4.1, §7): an appeal (3–7 business days) comes first and every
other step waits for it; redeeming LiCaiTong takes 3 business days and ends no
earlier than the next business day on or after the locked product's maturity;
a recent security change waits until day 14 (counted from `as_of`); each bank
card is unbound on the first day its kind's limit leaves free (credit 3 a day,
overseas 1 a week, a card of unknown kind as the fastest kind at best and the
slowest at worst), the last one after the money is out. ready_on is the
latest completion, null when the legal hold fails (no self-service remedy),
provisional when a blocker is unknown, a card's kind is unknown or the
guardianship documents (teen mode) are planned.
"""
import datetime
import json
import sys

MISSING = object()
DAY = datetime.timedelta(days=1)
# Unbinding limits per card kind (data/card_limits.json): (cards per period, period days).
LIMITS = {"debit": None, "credit": (3, 1), "overseas": (1, 7)}
KINDS = ("debit", "credit", "overseas")


def gt0(v):
    return None if v is None else v > 0


def eq(v, x):
    return None if v is None else v == x


def any3(*ts):
    return True if True in ts else (None if None in ts else False)


def all3(*ts):
    return False if False in ts else (None if None in ts else True)


def any_card(cards, test):
    """Kleene OR of `test` over the cards; unknown when the list is."""
    return None if cards is None else any3(*[test(c) for c in cards])


def nonempty(v):
    return None if v is None else len(v) > 0


def checks(p, start, elapsed):
    """(id, severity, truth) for every deactivate check, in id order."""
    a = p.get("account") or {}
    w = p.get("wallet") or {}
    r = p.get("roles") or {}
    status = a.get("status")
    days = a.get("days_since_security_change")
    cards = w.get("bank_cards")
    locked = w.get("licaitong_locked_until", MISSING)
    devices = p.get("devices")
    return (
        ("account.frequent-device", "b", eq(a.get("on_frequent_device"), False)),
        ("account.legal-hold", "b", eq(a.get("legal_hold"), True)),
        ("account.realname", "b", eq(a.get("realname_verified"), False)),
        ("account.recent-security-change", "b", None if days is None else days + elapsed < 14),
        ("account.status", "b", None if status is None else status != "normal"),
        ("account.teen-mode", "b", eq(a.get("teen_mode"), True)),
        ("channels.pending-review", "b", gt0((p.get("channels") or {}).get("pending_review"))),
        ("data.chat-backup", "w", eq(a.get("cloud_backup"), False)),
        ("devices.logged-in", "b", None if devices is None
            else any3(*[eq(d.get("logged_in"), True) for d in devices])),
        ("phone.linked-services", "w", any3(eq(r.get("merchant"), True),
                                            eq(r.get("mini_program_developer"), True))),
        ("roles.channels-authorization", "b", eq(r.get("channels_authorized"), True)),
        ("roles.enterprise-admin", "b", eq(r.get("enterprise_admin"), True)),
        ("roles.mini-program-admin", "b", gt0(r.get("mini_programs_admin"))),
        ("roles.official-account-admin", "b", gt0(r.get("official_accounts_admin"))),
        ("roles.service-account", "b", gt0(r.get("service_account_followers"))),
        ("social.groups-owned", "w", nonempty(p.get("groups_owned"))),
        ("social.third-party-logins", "w", nonempty(p.get("third_party_logins"))),
        ("sports.sync", "b", eq((p.get("sports") or {}).get("sync_pending"), True)),
        ("verify.ios-email", "w", all3(eq(p.get("platform"), "ios"), eq(a.get("email_bound"), False))),
        ("wallet.auto-deductions", "b", gt0(w.get("auto_deductions"))),
        ("wallet.balance", "b", gt0(w.get("balance_cny"))),
        ("wallet.bank-cards", "b", nonempty(cards)),
        ("wallet.credit-unbilled", "b", any_card(cards, lambda c: all3(
            eq(c.get("kind"), "credit"), gt0(c.get("unbilled_cny"))))),
        ("wallet.licaitong", "b", any3(gt0(w.get("licaitong_cny")),
                                       None if locked is MISSING else (locked is not None and locked > start))),
        ("wallet.overseas-cross-border", "b", any_card(cards, lambda c: all3(
            eq(c.get("kind"), "overseas"), eq(c.get("cross_border_agreement"), True)))),
        ("wallet.pay-score", "b", eq(w.get("pay_score_enabled"), True)),
    )


def add_business_days(d, n):
    while n > 0:
        d += DAY
        if d.weekday() < 5:
            n -= 1
    return d


def next_business_day(d):
    return d if d.weekday() < 5 else add_business_days(d, 1)


class CardDays:
    """The days given to the cards of each kind so far, in one case of the plan."""

    def __init__(self):
        self.placed = {k: [] for k in KINDS}

    def free_day(self, kind, ready):
        limit = LIMITS[kind]
        if limit is None:
            return ready
        per, days = limit
        placed = self.placed[kind]
        day = max(ready, placed[-1]) if placed else ready
        if len(placed) >= per:
            day = max(day, placed[-per] + datetime.timedelta(days=days))
        return day

    def place(self, kind, ready, worst):
        if kind in LIMITS:
            day = self.free_day(kind, ready)
        else:  # unknown kind: the fastest kind at best (the first such), the slowest at worst (the last)
            options = [(k, self.free_day(k, ready)) for k in KINDS]
            if worst:
                kind, day = options[0]
                for k, d in options[1:]:
                    if d >= day:
                        kind, day = k, d
            else:
                kind, day = min(options, key=lambda o: o[1])
        self.placed[kind].append(day)
        return day


def card_dates(cards, ready, last_ready, worst):
    """The day each card is unbound in one case; the last card (by its kind's limits, then
    position) waits for `last_ready`."""
    seen = {}
    offsets = []
    for i, c in enumerate(cards):
        kind = c.get("kind")
        seen[kind] = n = seen.get(kind, 0) + 1
        limit = LIMITS.get(kind)
        offsets.append(((n - 1) // limit[0] * limit[1] if limit else 0, i))
    last = max(offsets)[1]
    readies = [(last_ready if i == last else ready, i) for i in range(len(cards))]
    days = CardDays()
    return [days.place(cards[i].get("kind"), r, worst) for r, i in sorted(readies)]


def ready_on(p, failed, provisional, start, as_of):
    """The plan's completion {earliest, latest, provisional}, or None."""
    if "account.legal-hold" in failed:
        return None
    w = p.get("wallet") or {}
    done = []  # (earliest, latest) of every dated step
    if "account.status" in failed:  # the appeal comes first
        base = (add_business_days(start, 3), add_business_days(start, 7))
    else:
        base = (start, start)
    done.append(base)
    money_out = base
    if "wallet.licaitong" in failed:
        locked = w.get("licaitong_locked_until")
        due = next_business_day(datetime.date.fromisoformat(locked)) if locked else None
        redeemed = tuple(max(add_business_days(b, 3), due or b) for b in base)
        done.append(redeemed)
        money_out = redeemed
    if "account.recent-security-change" in failed:
        days = (p.get("account") or {}).get("days_since_security_change")
        reached = as_of + datetime.timedelta(days=14 - days)
        done.append(tuple(max(b, reached) for b in base))
    cards = w.get("bank_cards") or []
    if "wallet.bank-cards" in failed:
        best = card_dates(cards, base[0], max(base[0], money_out[0]), False)
        worst = card_dates(cards, base[1], max(base[1], money_out[1]), True)
        done.append((max(best), max(worst)))
        provisional = provisional or any(c.get("kind") is None for c in cards)
    provisional = provisional or "account.teen-mode" in failed
    return {"earliest": max(d[0] for d in done).isoformat(),
            "latest": max(d[1] for d in done).isoformat(),
            "provisional": provisional}


def evaluate(p, start_text, start):
    as_of_text = p.get("as_of")
    as_of = datetime.date.fromisoformat(as_of_text) if as_of_text else start
    res = checks(p, start_text, (start - as_of).days)
    failed = [cid for cid, sev, t in res if sev == "b" and t is True]
    unknown = [cid for cid, sev, t in res if sev == "b" and t is None]
    warnings = [cid for cid, sev, t in res if sev == "w" and t is True]
    verdict = "blocked" if failed else ("incomplete" if unknown else "ready")
    return {"source": None, "id": p.get("id"), "verdict": verdict, "failed": failed,
            "unknown": unknown, "warnings": warnings,
            "ready_on": ready_on(p, failed, bool(unknown), start, as_of)}


def main():
    args = sys.argv[1:]
    if len(args) != 3 or args[0] != "--start":
        sys.exit("usage: peer.py --start YYYY-MM-DD FILE.jsonl")
    start_text, path = args[1], args[2]
    start = datetime.date.fromisoformat(start_text)
    out = sys.stdout.write
    loads, dumps = json.loads, json.dumps
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                out(dumps(evaluate(loads(line), start_text, start), ensure_ascii=False,
                          separators=(",", ":")) + "\n")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # `| head` ends the run quietly
        sys.stderr.close()
