#!/usr/bin/env python3
"""gen_profiles.py N SEED > profiles.jsonl

Seeded generator of N random but realistic wxacct profiles (SPEC §3), one
compact JSON object per line, for benchmarking `wxacct deactivate --format
jsonl` against its peers (peer.jq, peer.py, floor/). Same N and SEED give the
same bytes (chunks of 10,000 have their own seeded RNG and are made on
all cores). Sections for other tasks are only written when they apply (qq
when a QQ number is bound, enterprise features when linked), as an exporter
would, so an average line is about 950 bytes.

Shape: about 45 % of users have "prepared" (every deactivate blocker passes
when known); half of all profiles are complete, the other half drop each field
(leaf, list, list-item field, or rarely a whole object) with p = 0.14, so
about 7 % of fields are missing overall. The result is roughly 20-30 % ready,
20-30 % incomplete and the rest blocked. Dates are relative to 2026-11-23.
"""
import datetime
import json
import multiprocessing
import os
import random
import sys
from bisect import bisect

START = datetime.date(2026, 11, 23).toordinal()
DATES = {d: datetime.date.fromordinal(START + d).isoformat() for d in range(-400, 401)}
BANKS = ["招行", "工行", "建行", "农行", "中行", "交行", "浦发", "中信", "平安", "民生", "兴业", "邮储",
         "HSBC", "Citi"]
KIND_NAMES = {"debit": "储蓄卡", "credit": "信用卡", "overseas": " Visa"}
DEVICE_KINDS = ["web", "windows", "mac", "pad", "watch", "iot"]
GROUP_NAMES = ["家人群", "同学会", "公司项目组", "羽毛球俱乐部", "小区业主群", "读书会",
               "亲戚群", "大学宿舍", "跑步打卡", "旅行攻略分享", "team-alpha", "周末桌游"]
APPS = ["知乎", "美团", "京东", "拼多多", "bilibili", "网易云音乐", "滴滴出行", "小红书", "饿了么", "Keep"]
ON_UNLINK = ["keep-data", "delete-data", "unknown"]
VERSIONS = ["8.0.34", "8.0.38", "8.0.40", "8.0.44", "8.0.47", "8.0.49", "8.0.50", "8.0.53", "8.0.56"]


def pick(r, items, weights):
    """Weighted choice by cumulative weights (faster than r.choices for one item)."""
    return items[bisect(weights, r.random() * weights[-1])]


def money(r):
    return round(r.uniform(0.01, 3000.0) if r.random() < 0.8 else r.uniform(3000.0, 80000.0), 2)


def profile(r, i):
    rnd = r.random
    ok = rnd() < 0.45          # prepared: every blocker passes (when its field is known)
    status = "normal" if ok else pick(r, ("normal", "restricted", "frozen", "banned"), (93, 97, 98.5, 100))
    days = r.randint(14, 2000) if ok or rnd() < 0.9 else r.randint(0, 13)
    account = {
        "status": status,
        "realname_verified": ok or rnd() < 0.95,
        "teen_mode": not ok and rnd() < 0.03,
        "phone_bound": rnd() < 0.97,
        "email_bound": rnd() < 0.4,
        "qq_bound": rnd() < 0.35,
        "recent_remote_login": rnd() < 0.05,
        "cloud_backup": rnd() < 0.3,
        "legal_hold": not ok and rnd() < 0.01,
        "days_since_security_change": days,
        "on_frequent_device": ok or rnd() < 0.85,
    }
    if ok:
        locked = None if rnd() < 0.9 else DATES[r.randint(-400, 0)]
    else:
        locked = None if rnd() < 0.8 else DATES[r.randint(-200, 200)]
    cards = []
    if not ok:
        for _ in range(pick(r, (0, 1, 2, 3, 4, 5, 6), (30, 55, 75, 87, 94, 98, 100))):
            kind = pick(r, ("debit", "credit", "overseas"), (60, 92, 100))
            cards.append({
                "kind": kind,
                "unbilled_cny": money(r) if kind != "debit" and rnd() < 0.4 else 0,
                "cross_border_agreement": kind == "overseas" and rnd() < 0.6,
                "label": "%s%s(%04d)" % (r.choice(BANKS), KIND_NAMES[kind], r.randint(0, 9999)),
            })
    wallet = {
        "balance_cny": 0 if ok or rnd() < 0.4 else money(r),
        "licaitong_cny": 0 if ok or rnd() < 0.7 else money(r),
        "licaitong_locked_until": locked,
        "pay_score_enabled": not ok and rnd() < 0.4,
        "auto_deductions": 0 if ok or rnd() < 0.65 else r.randint(1, 4),
        "weilidai_loan": not ok and rnd() < 0.05,
        "bank_cards": cards,
    }
    roles = {
        "official_accounts_admin": 0 if ok or rnd() < 0.9 else r.randint(1, 3),
        "mini_programs_admin": 0 if ok or rnd() < 0.92 else r.randint(1, 2),
        "channels_authorized": not ok and rnd() < 0.15,
        "service_account_followers": 0 if ok or rnd() < 0.95 else r.randint(1, 5000),
        "enterprise_admin": not ok and rnd() < 0.05,
        "merchant": rnd() < 0.05,
        "mini_program_developer": rnd() < 0.04,
    }
    devices = [{"kind": pick(r, DEVICE_KINDS, (30, 55, 70, 85, 95, 100)),
                "logged_in": not ok and rnd() < 0.5}
               for _ in range(pick(r, (0, 1, 2, 3), (45, 80, 95, 100)))]
    groups = [{"name": r.choice(GROUP_NAMES), "has_admin": rnd() < 0.4, "important": rnd() < 0.3}
              for _ in range(pick(r, (0, 1, 2, 3, 4), (65, 85, 94, 98, 100)))]
    logins = [{"name": r.choice(APPS), "on_unlink": pick(r, ON_UNLINK, (50, 80, 100))}
              for _ in range(pick(r, (0, 1, 2, 3), (60, 85, 95, 100)))]
    enterprise = {"linked": rnd() < 0.15}
    if enterprise["linked"]:       # feature flags only where there is an enterprise link
        for k in ("attendance", "customer_contact", "enterprise_payment"):
            enterprise[k] = rnd() < 0.5
    p = {
        "id": "u%08d" % i,
        "platform": pick(r, ("android", "ios", "web"), (60, 95, 100)),
        "app_version": r.choice(VERSIONS),
        "region": pick(r, ("mainland", "hk-mo-tw", "southeast-asia", "europe-us", "other"), (85, 90, 94, 98, 100)),
        "account": account,
        "wallet": wallet,
        "roles": roles,
        "channels": {"pending_review": 0 if ok or rnd() < 0.88 else r.randint(1, 3)},
        "sports": {"sync_pending": not ok and rnd() < 0.2},
        "devices": devices,
        "groups_owned": groups,
        "third_party_logins": logins,
        "enterprise": enterprise,
    }
    if account["qq_bound"]:        # the QQ section only for users with a QQ number bound
        account["registered_via_qq"] = rnd() < 0.3
        p["qq"] = {k: rnd() < q for k, q in (("stolen", 0.02), ("wallet_linked", 0.3), ("games_synced", 0.2),
                                              ("file_transfer_used", 0.4), ("contacts_import_used", 0.1))}
    if rnd() < 0.3:
        p["schema_version"] = 1
    if rnd() < 0.25:               # an export made a few days before the start
        p["as_of"] = DATES[-r.randint(0, 30)]
    if rnd() < 0.5:
        drop(r, p)
    return p


def drop(r, obj, p=0.14):
    """Remove fields at random, recursively (whole objects only rarely); id stays."""
    rnd = r.random
    for k, v in list(obj.items()):
        t = type(v)
        if t is dict:
            if rnd() < 0.02:
                del obj[k]
            else:
                drop(r, v, p)
        elif rnd() < p and k != "id":
            del obj[k]
        elif t is list and v:
            for item in v:
                drop(r, item, p / 2)


CHUNK = 10000


def chunk(args):
    """Profiles first..first+count-1 as UTF-8 JSON lines; each chunk has its own seeded RNG,
    so the output does not depend on how many processes made it."""
    seed, first, count = args
    r = random.Random("%d:%d" % (seed, first))
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return "".join(dumps(profile(r, i)) + "\n" for i in range(first, first + count)).encode()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_profiles.py N SEED > profiles.jsonl")
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    jobs = [(seed, first, min(CHUNK, n - first + 1)) for first in range(1, n + 1, CHUNK)]
    out = sys.stdout.buffer
    if len(jobs) <= 1:
        for job in jobs:
            out.write(chunk(job))
        return
    with multiprocessing.Pool(min(os.cpu_count() or 1, len(jobs))) as pool:
        for data in pool.imap(chunk, jobs):
            out.write(data)


if __name__ == "__main__":
    main()
