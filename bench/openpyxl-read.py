"""The openpyxl anchor of `npm run bench`: what a reviewer's own script does to read the received workbooks —
openpyxl's read-only load of every .xlsx of a folder, each cell's value visited. Usage: python3 openpyxl-read.py DIR.
Appends {cpuMs, maxRssMb} to the file named by BENCH_USAGE_FILE, like bench/usage-hook.js."""
import json, os, resource, sys

import openpyxl

folder = sys.argv[1]
cells = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".xlsx"):
        continue
    wb = openpyxl.load_workbook(os.path.join(folder, name), read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
usage = resource.getrusage(resource.RUSAGE_SELF)
out = os.environ.get("BENCH_USAGE_FILE")
if out:
    with open(out, "a") as f:
        f.write(json.dumps({"cpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "maxRssMb": usage.ru_maxrss / 1024}) + "\n")
print(f"files read, cells {cells}")
