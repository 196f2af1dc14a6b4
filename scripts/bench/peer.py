#!/usr/bin/env python3
"""peer.py --start YYYY-MM-DD FILE.jsonl

Python benchmark peer of `wxacct deactivate --format jsonl`: for each JSON line
prints {"source":null,"id":…,"verdict":…,"failed":[…]} with the same 21
deactivate blockers as data/checks.json. Three-valued logic: each check is
True (fails), False (passes) or None (unknown: a field it needs is missing;
JSON null counts as missing except for licaitong_locked_until, where null
means "no locked product"). Verdict: blocked if any blocker fails, else
incomplete if any is unknown, else ready.
"""
import json
import sys

MISSING = object()


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


def blockers(p, start):
    """(id, truth) for every deactivate blocker, in id order."""
    a = p.get("account") or {}
    w = p.get("wallet") or {}
    r = p.get("roles") or {}
    status = a.get("status")
    days = a.get("days_since_security_change")
    cards = w.get("bank_cards")
    locked = w.get("licaitong_locked_until", MISSING)
    devices = p.get("devices")
    return (
        ("account.frequent-device", eq(a.get("on_frequent_device"), False)),
        ("account.legal-hold", eq(a.get("legal_hold"), True)),
        ("account.realname", eq(a.get("realname_verified"), False)),
        ("account.recent-security-change", None if days is None else days < 14),
        ("account.status", None if status is None else status != "normal"),
        ("account.teen-mode", eq(a.get("teen_mode"), True)),
        ("channels.pending-review", gt0((p.get("channels") or {}).get("pending_review"))),
        ("devices.logged-in", None if devices is None
            else any3(*[eq(d.get("logged_in"), True) for d in devices])),
        ("roles.channels-authorization", eq(r.get("channels_authorized"), True)),
        ("roles.enterprise-admin", eq(r.get("enterprise_admin"), True)),
        ("roles.mini-program-admin", gt0(r.get("mini_programs_admin"))),
        ("roles.official-account-admin", gt0(r.get("official_accounts_admin"))),
        ("roles.service-account", gt0(r.get("service_account_followers"))),
        ("sports.sync", eq((p.get("sports") or {}).get("sync_pending"), True)),
        ("wallet.auto-deductions", gt0(w.get("auto_deductions"))),
        ("wallet.balance", gt0(w.get("balance_cny"))),
        ("wallet.bank-cards", None if cards is None else len(cards) > 0),
        ("wallet.credit-unbilled", any_card(cards, lambda c: all3(
            eq(c.get("kind"), "credit"), gt0(c.get("unbilled_cny"))))),
        ("wallet.licaitong", any3(gt0(w.get("licaitong_cny")),
                                  None if locked is MISSING else (locked is not None and locked > start))),
        ("wallet.overseas-cross-border", any_card(cards, lambda c: all3(
            eq(c.get("kind"), "overseas"), eq(c.get("cross_border_agreement"), True)))),
        ("wallet.pay-score", eq(w.get("pay_score_enabled"), True)),
    )


def main():
    args = sys.argv[1:]
    if len(args) != 3 or args[0] != "--start":
        sys.exit("usage: peer.py --start YYYY-MM-DD FILE.jsonl")
    start, path = args[1], args[2]
    out = sys.stdout.write
    loads, dumps = json.loads, json.dumps
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            p = loads(line)
            res = blockers(p, start)
            failed = [cid for cid, t in res if t is True]
            verdict = "blocked" if failed else ("incomplete" if any(t is None for _, t in res) else "ready")
            out('{"source":null,"id":%s,"verdict":"%s","failed":[%s]}\n'
                % (dumps(p.get("id"), ensure_ascii=False), verdict, ",".join('"%s"' % c for c in failed)))


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # `| head` ends the run quietly
        sys.stderr.close()
