#!/usr/bin/env python3
"""Converts the PETRARCH2 / Phoenix dictionaries (MIT, Open Event Data Alliance) into the compact
TSV files that extraction loads from src/main/resources/extract/lexicon/phoenix/.

  tools/convert-phoenix.py [PHOENIX_DIR] [OUTPUT_DIR]
  defaults: ../shared/nlp/phoenix and src/main/resources/extract/lexicon/phoenix

Outputs (one entry a line, tab-separated, '#' comments):
  actors.tsv  name | aliases (|) | kind (PERSON or GROUP) | periods: CODE:FROM:TO;... (CAMEO code, ISO
              dates, empty = open); people and bodies of countries, with who held which office when
  places.tsv  ISO alpha-3 | alias: the country-level entries (countries, provinces, cities) in English
  agents.tsv  noun | role code: role nouns (minister, spokesman, police ...) with their CAMEO role
  verbs.tsv   verb form | CAMEO code: English verbs with their event code (accuse 112, deny 016 ...)
The source files' license is copied beside the outputs as LICENSE.
"""
import os
import re
import shutil
import sys

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/nlp/phoenix'
out = sys.argv[2] if len(sys.argv) > 2 else 'src/main/resources/extract/lexicon/phoenix'
os.makedirs(out, exist_ok=True)

CODE = re.compile(r'\[([A-Z0-9-]{3,})(?:\s+([<>]?\d{6,8})(?:-(\d{6,8}))?)?\s*\]')
GROUP_WORDS = {'ARMY', 'PARTY', 'MINISTRY', 'FRONT', 'COUNCIL', 'FORCE', 'FORCES', 'MOVEMENT', 'ORGANIZATION',
               'ORGANISATION', 'BRIGADE', 'BRIGADES', 'GROUP', 'UNION', 'LEAGUE', 'ALLIANCE', 'COMMITTEE', 'ASSOCIATION',
               'COURT', 'POLICE', 'GUARD', 'GUARDS', 'AGENCY', 'SERVICE', 'BANK', 'CONGRESS', 'PARLIAMENT', 'ASSEMBLY',
               'CABINET', 'GOVERNMENT', 'MILITIA', 'COMMAND', 'INSTITUTE', 'CENTER', 'CENTRE', 'NETWORK', 'COALITION',
               'JIHAD', 'TALIBAN', 'HAMAS', 'HEZBOLLAH', 'DEPARTMENT', 'OFFICE', 'SENATE', 'TRIBUNAL', 'COMMISSION',
               'MILITARY', 'STATES', 'NAVY', 'MARINES', 'DEFENSE', 'DEFENCE', 'INTELLIGENCE', 'KINGDOM', 'REPUBLIC',
               'EMIRATES', 'FEDERATION', 'CORPORATION', 'COMPANY', 'MINISTRY', 'AUTHORITY', 'BUREAU', 'BOARD', 'FUND',
               'NATIONS', 'ISLAMIC', 'STATE', 'LIBERATION', 'PEOPLE', "PEOPLE'S", 'NATIONAL', 'UNITED', 'REGIME'}


def person_like(alias):
    """'John Kirby': two or three capitalised words, none an organisation's word or an abbreviation."""
    ws = alias.split(' ')
    return 2 <= len(ws) <= 3 and all(w.isalpha() and w.isupper() and len(w) > 1 for w in ws) \
        and not set(ws) & GROUP_WORDS


def date(text, end):
    """YYMMDD (00-30 -> 20YY) or YYYYMMDD -> YYYY-MM-DD."""
    if not text:
        return ''
    if len(text) == 6:
        yy = int(text[:2])
        text = ('20' if yy <= 30 else '19') + text
    return f'{text[:4]}-{text[4:6]}-{text[6:8]}'


def words(name):
    name = name.split('#')[0].strip().strip('+').strip()
    name = re.sub(r'\{[^}]*\}', '', name).strip()
    name = name.replace('_', ' ').strip()
    return re.sub(r'\s+', ' ', name)


def title(name):
    return ' '.join(w if w.isupper() and len(w) <= 4 and '.' in w else w.capitalize() for w in name.split(' '))


def entries(path):
    """(name, aliases, codes) of each entry of a TABARI .actors file."""
    current = None
    with open(path, encoding='utf-8', errors='replace') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            codes = [(m.group(1), m.group(2) or '', m.group(3) or '') for m in CODE.finditer(line.split('#')[0])]
            head = line.split('[')[0]
            if line[0] in ' \t' or line.startswith('['):
                if current:
                    current[2].extend(codes)
            elif line.startswith('+'):
                if current and words(head):
                    current[1].append(words(head))
                if current:
                    current[2].extend(codes)
            else:
                if current:
                    yield current
                current = (words(head), [], codes)
    if current:
        yield current


def periods(codes):
    result = []
    for code, start, end in codes:
        if code.startswith('---') or len(code) < 3:
            continue
        if start.startswith('>'):
            frm, to = date(start[1:], False), ''
        elif start.startswith('<'):
            frm, to = '', date(start[1:], True)
        else:
            frm, to = date(start, False), date(end, True)
        result.append(f'{code}:{frm}:{to}')
    return result


LICENSE_NOTE = ('# Converted by tools/convert-phoenix.py from the PETRARCH2 / Phoenix dictionaries\n'
                '# (Open Event Data Alliance, repository openeventdata/petrarch2, petrarch2/data/dictionaries),\n'
                '# MIT License: see LICENSE beside this file.\n')

actors = []
places = []
for file, kind in (('Phoenix.Countries.actors.txt', None), ('Phoenix.MilNonState.actors.txt', 'GROUP'),
                   ('Phoenix.International.actors.txt', None)):
    for name, aliases, codes in entries(os.path.join(src, file)):
        if not name:
            continue
        ps = periods(codes)
        if not ps:
            continue
        if len(ps) == 1 and re.fullmatch(r'[A-Z]{3}::', ps[0]):
            for alias in [name] + aliases:
                places.append((ps[0][:3], title(alias)))
            continue
        if not any(re.match(r'[A-Z]{3}[A-Z]', p) for p in ps):
            continue
        k = kind or ('GROUP' if set(name.split(' ')) & GROUP_WORDS or len(name.split(' ')) == 1 else 'PERSON')
        if k == 'GROUP':
            # a body's entry may list its people as aliases ("John Kirby" under the US military): each its own person
            people = [a for a in aliases if person_like(a)]
            aliases = [a for a in aliases if not person_like(a)]
            for person in people:
                actors.append((title(person), '', 'PERSON', ';'.join(ps)))
        actors.append((title(name), '|'.join(dict.fromkeys(title(a) for a in aliases if a)), k, ';'.join(ps)))

with open(os.path.join(out, 'actors.tsv'), 'w', encoding='utf-8') as f:
    f.write(LICENSE_NOTE + '# name\taliases (|)\tkind\tperiods CODE:FROM:TO;... (ISO dates, empty = open)\n')
    for a in actors:
        f.write('\t'.join(a) + '\n')
with open(os.path.join(out, 'places.tsv'), 'w', encoding='utf-8') as f:
    f.write(LICENSE_NOTE + '# ISO alpha-3\tname (countries, provinces, cities)\n')
    for code, alias in dict.fromkeys(places):
        f.write(f'{code}\t{alias}\n')

# role nouns: "MINISTER_ [~GOV]"; substitution sets (!PERSON!) expanded
subst = {}
agents = []
with open(os.path.join(src, 'Phoenix.agents.txt'), encoding='utf-8', errors='replace') as f:
    for raw in f:
        line = raw.split('#')[0].strip()
        if not line:
            continue
        m = re.match(r'!(\w+)!\s*=\s*(.*)', line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(',')]
            continue
        m = re.match(r'([^\[{]+?)\s*(?:\{[^}]*\})?\s*\[~?([A-Z]+)\]', line)
        if not m:
            continue
        noun, code = m.group(1).strip(), m.group(2)
        forms = [noun]
        for key, values in subst.items():
            if f'!{key}!' in noun:
                forms = [noun.replace(f'!{key}!', v) for v in values]
        for form in forms:
            agents.append((form.replace('_', ' ').strip().lower(), code))
with open(os.path.join(out, 'agents.tsv'), 'w', encoding='utf-8') as f:
    f.write(LICENSE_NOTE + '# role noun (lower case; a plural in -s is matched too)\tCAMEO role code\n')
    for noun, code in dict.fromkeys(agents):
        if noun and not noun.startswith('+'):
            f.write(f'{noun}\t{code}\n')


def forms(lemma):
    """Regular English forms of a verb lemma (upper case), as PETRARCH generates them."""
    w = lemma
    if w.endswith('E'):
        return [w, w + 'S', w + 'D', w[:-1] + 'ING']
    if w.endswith('Y') and len(w) > 1 and w[-2] not in 'AEIOU':
        return [w, w[:-1] + 'IES', w[:-1] + 'IED', w + 'ING']
    if re.search(r'(S|SH|CH|X|Z)$', w):
        return [w, w + 'ES', w + 'ED', w + 'ING']
    return [w, w + 'S', w + 'ED', w + 'ING']


verbs = []
block = None
with open(os.path.join(src, 'CAMEO.verbpatterns.150430.txt'), encoding='utf-8', errors='replace') as f:
    for raw in f:
        line = raw.split('#')[0].rstrip()
        m = re.match(r'---\s+(\S+)\s+\[([^\]]*)\]', line)
        if m:
            block = m.group(2).split(':')[0]
            continue
        if block is None or not line.strip() or line.startswith('-') or line.startswith('&') or line.startswith('+') and block is None:
            continue
        if line.startswith('+') and '{' not in line and ' ' not in line.strip():
            continue  # synonym-set members
        m = re.match(r'\+?([A-Z][A-Z_\'-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$', line.strip())
        if not m:
            continue
        lemma, irregular, code = m.group(1), m.group(2), (m.group(3) or block).split(':')[0]
        if not code or code.startswith('-') or not code.isdigit():
            continue
        if irregular:
            fs = [lemma] + [w.strip('+') for w in irregular.strip('{}').split()]
        else:
            fs = forms(lemma.split('_')[0]) if '_' not in lemma else [lemma]
            if '_' in lemma:
                head, rest = lemma.split('_', 1)
                fs = [f + '_' + rest for f in forms(head)]
        for form in fs:
            verbs.append((form.replace('_', ' ').lower(), code))
with open(os.path.join(out, 'verbs.tsv'), 'w', encoding='utf-8') as f:
    f.write(LICENSE_NOTE + '# English verb form (lower case)\tCAMEO event code of its verb block\n')
    for form, code in dict.fromkeys(verbs):
        f.write(f'{form}\t{code}\n')

shutil.copyfile(os.path.join(src, 'LICENSE'), os.path.join(out, 'LICENSE'))
print(f'{len(actors)} actors, {len(places)} place names, {len(agents)} role nouns, {len(verbs)} verb forms -> {out}')
