#!/usr/bin/env python3
# breakdown_p6.py - after compare_p6.sh: the activities whose riskcast finish
# differs from P6, grouped by task_type, cstr_type and calendar (1 = not the
# project calendar), with two examples of each group. Needs only Python 3.
#   python3 tests/import/breakdown_p6.py [build/compare_p6.csv]
import csv,collections,sys
tabs={};cur=None
for line in open('tests/data/import/SP10-cost-loaded.xer',encoding='cp1252',newline=''):
    p=line.rstrip('\r\n').split('\t')
    if p[0]=='%T': cur=p[1]; tabs[cur]={'f':None,'r':[]}
    elif p[0]=='%F': tabs[cur]['f']=p[1:]
    elif p[0]=='%R': tabs[cur]['r'].append(dict(zip(tabs[cur]['f'],p[1:])))
T={t['task_code']:t for t in tabs['TASK']['r']}
rows=list(csv.DictReader(open(sys.argv[1] if len(sys.argv)>1 else 'build/compare_p6.csv')))
C=collections.Counter(); ex=collections.defaultdict(list)
for r in rows:
    t=T[r['id']]
    ok=r['riskcast_finish']==r['source_finish']
    rel='eq' if ok else ('early' if r['riskcast_finish']<r['source_finish'] else 'late')
    k=(t['task_type'],t['cstr_type'] or '-',rel, r['other_calendar'])
    C[k]+=1; ex[k].append((r['id'],r['riskcast_finish'],t['early_start_date'],t['early_end_date'],t['cstr_date'],t['clndr_id'],t['status_code']))
for k,v in sorted(C.items()): print(k,v, ex[k][:2] if k[2]!='eq' else '')
