//! floor [--sonic] FILE.jsonl — the "parse-only floor" of the wxacct batch benchmark.
//! Reads the file line by line (BufReader + read_until), deserializes each
//! non-blank line with serde_json::from_slice (or, with --sonic, sonic_rs::from_slice)
//! into a typed profile mirroring SPEC §3 (every field optional), and prints how many
//! profiles it parsed. One thread: this is the cost of parsing alone.

use serde::Deserialize;
use std::io::{BufRead, BufReader};

#[allow(dead_code)]
#[derive(Deserialize)]
struct Profile {
    schema_version: Option<u32>,
    id: Option<String>,
    as_of: Option<String>,
    platform: Option<String>,
    app_version: Option<String>,
    region: Option<String>,
    account: Option<Account>,
    wallet: Option<Wallet>,
    roles: Option<Roles>,
    channels: Option<Channels>,
    sports: Option<Sports>,
    devices: Option<Vec<Device>>,
    groups_owned: Option<Vec<Group>>,
    third_party_logins: Option<Vec<Login>>,
    enterprise: Option<Enterprise>,
    qq: Option<Qq>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Account {
    status: Option<String>,
    realname_verified: Option<bool>,
    teen_mode: Option<bool>,
    phone_bound: Option<bool>,
    email_bound: Option<bool>,
    qq_bound: Option<bool>,
    registered_via_qq: Option<bool>,
    recent_remote_login: Option<bool>,
    cloud_backup: Option<bool>,
    legal_hold: Option<bool>,
    days_since_security_change: Option<i64>,
    on_frequent_device: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Wallet {
    balance_cny: Option<f64>,
    licaitong_cny: Option<f64>,
    licaitong_locked_until: Option<String>,
    pay_score_enabled: Option<bool>,
    auto_deductions: Option<i64>,
    weilidai_loan: Option<bool>,
    bank_cards: Option<Vec<Card>>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Card {
    kind: Option<String>,
    unbilled_cny: Option<f64>,
    cross_border_agreement: Option<bool>,
    label: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Roles {
    official_accounts_admin: Option<i64>,
    mini_programs_admin: Option<i64>,
    channels_authorized: Option<bool>,
    service_account_followers: Option<i64>,
    enterprise_admin: Option<bool>,
    merchant: Option<bool>,
    mini_program_developer: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Channels {
    pending_review: Option<i64>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Sports {
    sync_pending: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Device {
    kind: Option<String>,
    logged_in: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Group {
    name: Option<String>,
    has_admin: Option<bool>,
    important: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Login {
    name: Option<String>,
    on_unlink: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Enterprise {
    linked: Option<bool>,
    attendance: Option<bool>,
    customer_contact: Option<bool>,
    enterprise_payment: Option<bool>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Qq {
    stolen: Option<bool>,
    wallet_linked: Option<bool>,
    games_synced: Option<bool>,
    file_transfer_used: Option<bool>,
    contacts_import_used: Option<bool>,
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let sonic = args.first().is_some_and(|a| a == "--sonic");
    if sonic {
        args.remove(0);
    }
    let Some(path) = args.pop() else {
        eprintln!("usage: floor [--sonic] FILE.jsonl");
        std::process::exit(2)
    };
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("floor: {path}: {e}");
        std::process::exit(2)
    });
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = Vec::with_capacity(4096);
    let (mut count, mut lineno) = (0u64, 0u64);
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("floor: {path}: {e}");
                std::process::exit(2)
            }
        }
        lineno += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = if sonic {
            sonic_rs::from_slice::<Profile>(&line).map_err(|e| e.to_string())
        } else {
            serde_json::from_slice::<Profile>(&line).map_err(|e| e.to_string())
        };
        match parsed {
            Ok(p) => {
                std::hint::black_box(&p);
                count += 1;
            }
            Err(e) => {
                eprintln!("floor: {path}:{lineno}: {e}");
                std::process::exit(2)
            }
        }
    }
    println!("{count}");
}
