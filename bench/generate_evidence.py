#!/usr/bin/env python3
"""Writes a seeded batch of realistic Justworks evidence as JSON Lines, for the benchmark.

Usage: generate_evidence.py ACCOUNTS OUTPUT [--seed N]

About 60% of the accounts are compliant; the rest drift the way real service accounts do:
a required permission removed, a risky one added, a typo'd or unknown permission name, a
renamed title or office, admin access switched off. Names vary in case, spacing and
'&' versus 'and', and each account carries its own linking-flow parameters. The same
arguments always give the same file.
"""
import argparse
import json
import random

REQUIRED = [
    "Edit Company Settings",
    "Manage Employees",
    "View all employee information",
    "View basic employee information",
    "Upload and View all Documents",
    "View Invoices and Reporting",
]
EXTRA = ["Edit employee permissions", "Manage company benefits", "Manage all timecards"]
UNKNOWN = ["Manage Employes", "View payroll", "Approve time off"]
SOURCES = ["attestation:it-admin@example.com", "export:justworks-members-csv", "justworks-api"]


def spell(name, rng):
    """One of the spellings integrations use for the same permission."""
    choice = rng.random()
    if choice < 0.15:
        return name.lower()
    if choice < 0.25:
        return name.replace(" and ", " & ")
    if choice < 0.30:
        return "  " + name.upper() + " "
    return name


def account(index, rng):
    company = "Co%06d" % index
    email = "%s-svc@connect.example" % company.lower()
    permissions = [spell(name, rng) for name in REQUIRED]
    record = {
        "system": "justworks",
        "collected_at": "2026-12-03T0%d:%02d:00Z" % (rng.randrange(8), rng.randrange(60)),
        "source": rng.choice(SOURCES),
        "parameters": {"linking_first_name": company, "linking_work_email": email},
        "account": {
            "id": "m_%07d" % index,
            "first_name": company,
            "last_name": "Service Account",
            "work_email": email if rng.random() < 0.9 else email.upper(),
            "member_type": "3rd Party Admin / Accountant",
            "admin_access": True,
            "title": "Service Account",
            "department": "No Department",
            "office": "Remote (work from home)",
            "manager": None,
            "start_date": "2026-11-%02d" % (1 + rng.randrange(28)),
            "invitation": "work_email",
        },
        "permissions": permissions,
    }
    if rng.random() >= 0.6:
        drift = rng.randrange(5)
        if drift == 0:
            permissions.pop(rng.randrange(len(permissions)))
        elif drift == 1:
            permissions.append(rng.choice(EXTRA))
        elif drift == 2:
            permissions.append(rng.choice(UNKNOWN))
        elif drift == 3:
            record["account"][rng.choice(["title", "office"])] = "Integration User"
        else:
            record["account"]["admin_access"] = False
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("accounts", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=20261203)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    with open(arguments.output, "w", encoding="utf-8") as output:
        for index in range(arguments.accounts):
            output.write(json.dumps(account(index, rng), separators=(", ", ": ")) + "\n")


if __name__ == "__main__":
    main()
