// Labels in English and Indonesian. The chosen language is part of the URL (ui=id) so that a
// shared link reads the same, and remembered in the browser for the next visit.
const LABELS = {
  en: {
    'view.map': 'Map', 'view.matrix': 'Who accuses whom', 'view.curator': "Curator's desk",
    'filters': 'Filters', 'filter.category': 'Category', 'filter.stance': 'Stance', 'filter.from': 'From',
    'filter.to': 'To', 'filter.language': 'Article language', 'filter.any': 'Any', 'filter.all': 'All',
    'filter.apply': 'Apply', 'filter.reset': 'Reset', 'filter.allCategories': 'All categories',
    'lang.en': 'English', 'lang.id': 'Indonesian',
    'map.title': 'Allegations by country', 'map.shade': 'Shade countries by',
    'map.against': 'Allegations against it', 'map.by': 'Allegations it makes',
    'map.asSubject': 'Claims about it', 'map.asClaimant': 'Claims it makes',
    'map.tooltip.against': 'against', 'map.tooltip.by': 'by',
    'map.none': 'No claims under these filters.', 'map.ranking.against': 'Most accused',
    'map.ranking.by': 'Most accusing', 'map.find': 'Find a country', 'map.go': 'Open',
    'map.hint': 'Hover a country for its counts; click it (or pick one from the list) to open it.',
    'map.countries': (n) => `${n} countries`,
    'country.close': 'Close', 'country.accusers': 'Accused by', 'country.accused': 'Accuses',
    'country.perMonth': 'Allegations against it per month', 'country.latest': 'Latest allegations against it',
    'country.noneAgainst': 'No allegations against this country under these filters.', 'country.none': 'None',
    'country.totals': (against, by) => `${against} allegations against it, ${by} by it`,
    'country.more': 'More allegations', 'country.undated': 'undated claims are not in the chart',
    'claim.by': 'by', 'claim.read': 'Read in the article', 'claim.responses': 'Answers',
    'claim.undated': 'undated', 'claim.on': 'on',
    'matrix.title': 'Who accuses whom', 'matrix.hint': 'Arrows point from accuser to accused; click an arrow or a row to list its allegations.',
    'matrix.none': 'No allegations between two countries under these filters.',
    'matrix.top': (n) => `The ${n} strongest links`, 'matrix.accuser': 'Accuser', 'matrix.accused': 'Accused',
    'matrix.count': 'Allegations', 'matrix.claims': (a, b) => `Allegations by ${a} against ${b}`,
    'matrix.alleges': 'The diagram counts allegations (stance Alleges).',
    'article.back': 'Back', 'article.claims': 'Claims in this article', 'article.source': 'Original article',
    'article.notFound': 'There is no article with this id.', 'article.published': 'Published',
    'article.respondsTo': 'answers', 'article.legend': 'Highlights by stance:',
    'curator.title': "Curator's desk", 'curator.intro': 'Paste an article or open a text file, preview what the extractor finds (nothing is stored), correct actors and claims, then store it.',
    'curator.token': 'Editor token', 'curator.tokenHint': 'Kept only in this browser tab (session storage).',
    'curator.forget': 'Forget token', 'curator.url': 'URL', 'curator.title.field': 'Title', 'curator.publisher': 'Publisher',
    'curator.language': 'Language', 'curator.detect': 'Detect', 'curator.publishedOn': 'Published on', 'curator.dateline': 'Dateline',
    'curator.body': 'Article text', 'curator.file': 'Or open a text file', 'curator.preview': 'Preview extraction',
    'curator.store': 'Store article', 'curator.actors': 'Actors', 'curator.claims': 'Claims', 'curator.addActor': 'Add actor',
    'curator.addClaim': 'Add claim', 'curator.remove': 'Remove', 'curator.needToken': 'Enter an editor token first: storing and previewing need one.',
    'curator.stored': 'Stored:', 'curator.previewed': (a, c) => `The extractor found ${a} actors and ${c} claims. Check them before storing.`,
    'curator.quoteHint': 'verbatim from the text', 'curator.kind': 'Kind', 'curator.key': 'Key', 'curator.name': 'Name',
    'curator.country': 'Country', 'curator.personTitle': 'Title', 'curator.claimant': 'Claimant', 'curator.subject': 'Subject',
    'curator.counterparty': 'Counterparty', 'curator.summary': 'Summary', 'curator.quote': 'Quote', 'curator.statedOn': 'Stated on',
    'curator.replaces': (n) => `This URL already holds ${n} claims read by a person: storing replaces them.`,
    'curator.respondsTo': 'Answers claim', 'curator.none': '—', 'curator.confidence': 'confidence',
    'error': 'Something went wrong:', 'loading': 'Loading…', 'retry': 'Try again',
    'footer': 'Allegation Atlas: who alleges what about which country, with the article\u2019s own sentence. Map: Natural Earth (public domain).',
    'skip': 'Skip to content',
  },
  id: {
    'view.map': 'Peta', 'view.matrix': 'Siapa menuduh siapa', 'view.curator': 'Meja kurator',
    'filters': 'Filter', 'filter.category': 'Kategori', 'filter.stance': 'Sikap', 'filter.from': 'Dari',
    'filter.to': 'Sampai', 'filter.language': 'Bahasa artikel', 'filter.any': 'Semua', 'filter.all': 'Semua',
    'filter.apply': 'Terapkan', 'filter.reset': 'Atur ulang', 'filter.allCategories': 'Semua kategori',
    'lang.en': 'Inggris', 'lang.id': 'Indonesia',
    'map.title': 'Tuduhan menurut negara', 'map.shade': 'Warnai negara menurut',
    'map.against': 'Tuduhan terhadapnya', 'map.by': 'Tuduhan olehnya',
    'map.asSubject': 'Klaim tentangnya', 'map.asClaimant': 'Klaim olehnya',
    'map.tooltip.against': 'terhadap', 'map.tooltip.by': 'oleh',
    'map.none': 'Tidak ada klaim dengan filter ini.', 'map.ranking.against': 'Paling dituduh',
    'map.ranking.by': 'Paling menuduh', 'map.find': 'Cari negara', 'map.go': 'Buka',
    'map.hint': 'Arahkan ke negara untuk melihat jumlahnya; klik (atau pilih dari daftar) untuk membukanya.',
    'map.countries': (n) => `${n} negara`,
    'country.close': 'Tutup', 'country.accusers': 'Dituduh oleh', 'country.accused': 'Menuduh',
    'country.perMonth': 'Tuduhan terhadapnya per bulan', 'country.latest': 'Tuduhan terbaru terhadapnya',
    'country.noneAgainst': 'Tidak ada tuduhan terhadap negara ini dengan filter ini.', 'country.none': 'Tidak ada',
    'country.totals': (against, by) => `${against} tuduhan terhadapnya, ${by} olehnya`,
    'country.more': 'Tuduhan lainnya', 'country.undated': 'klaim tanpa tanggal tidak ada di grafik',
    'claim.by': 'oleh', 'claim.read': 'Baca di artikel', 'claim.responses': 'Tanggapan',
    'claim.undated': 'tanpa tanggal', 'claim.on': 'pada',
    'matrix.title': 'Siapa menuduh siapa', 'matrix.hint': 'Panah mengarah dari penuduh ke yang dituduh; klik panah atau baris untuk melihat tuduhannya.',
    'matrix.none': 'Tidak ada tuduhan antara dua negara dengan filter ini.',
    'matrix.top': (n) => `${n} hubungan terkuat`, 'matrix.accuser': 'Penuduh', 'matrix.accused': 'Dituduh',
    'matrix.count': 'Tuduhan', 'matrix.claims': (a, b) => `Tuduhan oleh ${a} terhadap ${b}`,
    'matrix.alleges': 'Diagram menghitung tuduhan (sikap Menuduh).',
    'article.back': 'Kembali', 'article.claims': 'Klaim dalam artikel ini', 'article.source': 'Artikel asli',
    'article.notFound': 'Tidak ada artikel dengan id ini.', 'article.published': 'Terbit',
    'article.respondsTo': 'menanggapi', 'article.legend': 'Sorotan menurut sikap:',
    'curator.title': 'Meja kurator', 'curator.intro': 'Tempel artikel atau buka berkas teks, pratinjau hasil ekstraksi (tidak ada yang disimpan), koreksi aktor dan klaim, lalu simpan.',
    'curator.token': 'Token editor', 'curator.tokenHint': 'Hanya disimpan di tab peramban ini (session storage).',
    'curator.forget': 'Lupakan token', 'curator.url': 'URL', 'curator.title.field': 'Judul', 'curator.publisher': 'Penerbit',
    'curator.language': 'Bahasa', 'curator.detect': 'Deteksi', 'curator.publishedOn': 'Tanggal terbit', 'curator.dateline': 'Dateline',
    'curator.body': 'Teks artikel', 'curator.file': 'Atau buka berkas teks', 'curator.preview': 'Pratinjau ekstraksi',
    'curator.store': 'Simpan artikel', 'curator.actors': 'Aktor', 'curator.claims': 'Klaim', 'curator.addActor': 'Tambah aktor',
    'curator.addClaim': 'Tambah klaim', 'curator.remove': 'Hapus', 'curator.needToken': 'Masukkan token editor dulu: menyimpan dan pratinjau memerlukannya.',
    'curator.stored': 'Tersimpan:', 'curator.previewed': (a, c) => `Ekstraktor menemukan ${a} aktor dan ${c} klaim. Periksa sebelum menyimpan.`,
    'curator.quoteHint': 'kata per kata dari teks', 'curator.kind': 'Jenis', 'curator.key': 'Kunci', 'curator.name': 'Nama',
    'curator.country': 'Negara', 'curator.personTitle': 'Jabatan', 'curator.claimant': 'Pengklaim', 'curator.subject': 'Subjek',
    'curator.counterparty': 'Pihak lain', 'curator.summary': 'Ringkasan', 'curator.quote': 'Kutipan', 'curator.statedOn': 'Dinyatakan pada',
    'curator.replaces': (n) => `URL ini sudah memuat ${n} klaim yang dibaca manusia: menyimpan akan menggantinya.`,
    'curator.respondsTo': 'Menanggapi klaim', 'curator.none': '—', 'curator.confidence': 'keyakinan',
    'error': 'Terjadi kesalahan:', 'loading': 'Memuat…', 'retry': 'Coba lagi',
    'footer': 'Allegation Atlas: siapa menuduh apa tentang negara mana, dengan kalimat dari artikelnya sendiri. Peta: Natural Earth (domain publik).',
    'skip': 'Langsung ke isi',
  },
};

export const CATEGORIES = ['ARMS_TRANSFER', 'MILITARY_SUPPORT', 'SANCTIONS_VIOLATION', 'DIPLOMATIC_RECOGNITION',
  'LABOR_TRANSFER', 'CONCEALMENT', 'OTHER'];
export const STANCES = ['ALLEGES', 'DENIES', 'CONFIRMS', 'STATES'];
export const ACTOR_KINDS = ['STATE', 'GOVERNMENT_BODY', 'PERSON', 'ORGANIZATION', 'INTERNATIONAL_ORGANIZATION', 'TERRITORY', 'GROUP', 'MEDIA'];

const ENUMS = {
  en: {
    ARMS_TRANSFER: 'Arms transfer', MILITARY_SUPPORT: 'Military support', SANCTIONS_VIOLATION: 'Sanctions violation',
    DIPLOMATIC_RECOGNITION: 'Diplomatic recognition', LABOR_TRANSFER: 'Labour transfer', CONCEALMENT: 'Concealment',
    OTHER: 'Other', ALLEGES: 'Alleges', DENIES: 'Denies', CONFIRMS: 'Confirms', STATES: 'States',
    STATE: 'State', GOVERNMENT_BODY: 'Government body', PERSON: 'Person', ORGANIZATION: 'Organisation',
    INTERNATIONAL_ORGANIZATION: 'International organisation', TERRITORY: 'Territory', GROUP: 'Group', MEDIA: 'News outlet',
  },
  id: {
    ARMS_TRANSFER: 'Transfer senjata', MILITARY_SUPPORT: 'Dukungan militer', SANCTIONS_VIOLATION: 'Pelanggaran sanksi',
    DIPLOMATIC_RECOGNITION: 'Pengakuan diplomatik', LABOR_TRANSFER: 'Pengiriman tenaga kerja', CONCEALMENT: 'Penyembunyian',
    OTHER: 'Lainnya', ALLEGES: 'Menuduh', DENIES: 'Membantah', CONFIRMS: 'Membenarkan', STATES: 'Menyatakan',
    STATE: 'Negara', GOVERNMENT_BODY: 'Badan pemerintah', PERSON: 'Orang', ORGANIZATION: 'Organisasi',
    INTERNATIONAL_ORGANIZATION: 'Organisasi internasional', TERRITORY: 'Wilayah', GROUP: 'Kelompok', MEDIA: 'Media',
  },
};

let current = 'en';

export function setLanguage(language) {
  current = language === 'id' ? 'id' : 'en';
  document.documentElement.lang = current;
  try { localStorage.setItem('atlas.ui', current); } catch { /* private mode: the URL still carries it */ }
}

export function language() {
  return current;
}

export function rememberedLanguage() {
  try { return localStorage.getItem('atlas.ui'); } catch { return null; }
}

export function t(key, ...args) {
  const label = LABELS[current][key] ?? LABELS.en[key] ?? key;
  return typeof label === 'function' ? label(...args) : label;
}

/** A category, stance or actor kind in the current language. */
export function term(value) {
  return ENUMS[current][value] ?? value;
}

/** A country's name in the current language, from a GraphQL Country with name and localName(language: "id"). */
export function countryName(country) {
  if (!country) return '';
  return (current === 'id' && country.localName) || country.name;
}

/** Labels a view's module brings along (curator/news.js), merged into the tables above. */
export function addLabels(labels) {
  for (const [lang, table] of Object.entries(labels)) Object.assign(LABELS[lang], table);
}
