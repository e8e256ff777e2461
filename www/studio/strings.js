// @ts-check
// strings.js — every sentence of the studio's own interface, in English and Chinese (one place),
// and the page's language: Chinese when the page says `lang="zh…"` or its address `?lang=zh`.
// The help beside each field is docs/SCENARIOS.md's (in Chinese docs/SCENARIOS.zh.md's); problems
// are the wasm's.

/** The studio's language. */
export const LANG = /^zh/.test(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang) ? 'zh' : 'en';

/** @type {Record<string, { en: string, zh: string }>} `{name}` marks a value filled in. */
const STRINGS = {
  pageTitle: { en: 'Scenario studio — tapecast', zh: '情景工作室 — tapecast' },
  heading: { en: 'Scenario studio', zh: '情景工作室' },
  intro: {
    en: 'Build your own market scenario for the <tape-cast> widget: edit it here, watch the real widget redraw, then copy the snippet into your post. Your file stays in this page until you download or copy it.',
    zh: '为 <tape-cast> 组件编写你自己的市场情景：在这里编辑，看真实的组件随之重绘，然后把代码片段复制到文章里。文件只留在本页，直到你下载或复制它。',
  },
  startFrom: { en: 'Start from:', zh: '从这里开始：' },
  startGroup: { en: 'Start from', zh: '从这里开始' },
  startBuiltin: { en: 'the built-in story', zh: '内置故事' },
  startExample: { en: 'the example scenario', zh: '示例情景' },
  startBlank: { en: 'a blank template', zh: '空白模板' },
  startFile: { en: 'a file…', zh: '文件…' },
  started: { en: 'Started from {from}.', zh: '已从{from}开始。' },
  notOpened: { en: '{name} was not opened:', zh: '{name} 未打开：' },
  exampleFailed: { en: 'The example scenario could not be loaded (HTTP {status}).', zh: '示例情景无法加载（HTTP {status}）。' },
  scenario: { en: 'Scenario', zh: '情景' },
  checking: { en: 'Checking…', zh: '检查中…' },
  noProblems: { en: 'No problems: the preview shows this version.', zh: '没有问题：预览显示的是这个版本。' },
  problems: { en: '{n} problems: the preview shows the last version without any.', zh: '{n} 个问题：预览显示的是上一个没有问题的版本。' },
  oneProblem: { en: '1 problem: the preview shows the last version without any.', zh: '1 个问题：预览显示的是上一个没有问题的版本。' },
  sectionStory: { en: 'The story and its dates', zh: '故事与日期' },
  sectionInputs: { en: 'Inputs', zh: '输入' },
  sectionSeries: { en: 'Series', zh: '序列' },
  sectionCalendar: { en: 'Calendar events and reserve drains', zh: '日历事件与准备金流失' },
  sectionPresets: { en: 'Presets', zh: '预设' },
  sectionModel: { en: 'Model settings (usually left as they are)', zh: '模型设置（通常保持不变）' },
  add: { en: 'Add {name}', zh: '添加 {name}' },
  remove: { en: 'Remove {name} {n}', zh: '删除 {name} {n}' },
  pickRow: { en: '— pick one —', zh: '— 请选择 —' },
  previewGroup: { en: 'Preview and publish', zh: '预览与发布' },
  optionsGroup: { en: 'Widget options', zh: '组件选项' },
  optPreset: { en: 'Opening state', zh: '初始状态' },
  optAsset: { en: 'Series', zh: '序列' },
  optHeading: { en: 'Heading', zh: '标题' },
  optHeadingPlaceholder: { en: "the scenario's title", zh: '情景的标题' },
  optLang: { en: 'Language', zh: '语言' },
  optTheme: { en: 'Theme', zh: '主题' },
  optCompact: { en: 'compact', zh: '紧凑' },
  optPanels: { en: 'Charts:', zh: '图表：' },
  themeAuto: { en: 'auto', zh: '自动' },
  themeLight: { en: 'light', zh: '浅色' },
  themeDark: { en: 'dark', zh: '深色' },
  byDefault: { en: '(default)', zh: '（默认）' },
  phone: { en: 'Phone, 360 px', zh: '手机，360 px' },
  desktop: { en: 'Desktop, {px} px', zh: '桌面，{px} px' },
  desktopScaled: { en: 'Desktop, {px} px (shown at {percent}%)', zh: '桌面，{px} px（按 {percent}% 显示）' },
  publish: { en: 'Publish', zh: '发布' },
  publishHow: {
    en: "Paste this where your post allows HTML (Hugo, Jekyll, WordPress's Custom HTML block, Ghost's HTML card; see the README). The scenario is inside the snippet: there is no second file to host.",
    zh: '把它粘贴到文章允许 HTML 的地方（Hugo、Jekyll、WordPress 的“自定义 HTML”区块、Ghost 的 HTML 卡片；见 README）。情景就在代码片段里：无需另外托管文件。',
  },
  snippetInline: { en: 'Embed snippet with the scenario inlined', zh: '内嵌情景的嵌入代码' },
  copyInline: { en: 'Copy the embed snippet', zh: '复制嵌入代码' },
  downloadJson: { en: 'Download the JSON', zh: '下载 JSON' },
  otherWays: { en: 'Other ways to embed', zh: '其他嵌入方式' },
  iframeHow: { en: 'Iframe (for hosts that strip scripts): put the downloaded JSON in this folder as', zh: 'Iframe（适用于会去掉脚本的平台）：把下载的 JSON 放进此文件夹，命名为' },
  snippetIframe: { en: 'Iframe snippet', zh: 'Iframe 代码' },
  copyIframe: { en: 'Copy the iframe snippet', zh: '复制 iframe 代码' },
  imageHow: {
    en: "Image link (newsletters, feeds): the snapshot image linked to the live chart. Put the snapshot's files (below) in this folder as",
    zh: '图片链接（电子报、订阅源）：快照图片，链接到实时图表。把快照文件（见下）放进此文件夹，命名为',
  },
  snippetImage: { en: 'Image-link snippet', zh: '图片链接代码' },
  copyImage: { en: 'Copy the image-link snippet', zh: '复制图片链接代码' },
  snapshotBox: { en: 'Snapshot: what readers without JavaScript see', zh: '快照：没有 JavaScript 的读者看到的内容' },
  snapshotHow: {
    en: "The opening state, drawn by the same code as the release's snapshots (its own wasm, in this page only).",
    zh: '初始状态，由与发布版快照相同的代码绘制（它自己的 wasm，仅在本页）。',
  },
  downloadSvg: { en: 'Download the SVG', zh: '下载 SVG' },
  downloadPng: { en: 'Download the PNG (2×)', zh: '下载 PNG（2×）' },
  downloadFigure: { en: 'Download the figure with its table (HTML)', zh: '下载带表格的图（HTML）' },
  snapshotAlt: { en: 'The snapshot of the opening state', zh: '初始状态的快照' },
  copied: { en: 'Copied.', zh: '已复制。' },
  selectAndCopy: { en: 'Select and copy (the browser did not allow it).', zh: '请选中后复制（浏览器不允许自动复制）。' },
};

/** The string `key` in the studio's language, with `{name}` filled from `values`. */
export function t(/** @type {keyof typeof STRINGS} */ key, /** @type {Record<string, string | number>} */ values = {}) {
  return STRINGS[key][LANG].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Puts the strings into the page: `data-text` (text), `data-label` (aria-label), `data-placeholder`, `data-alt`. */
export function fillPage() {
  document.documentElement.lang = LANG === 'zh' ? 'zh-CN' : 'en';
  document.title = t('pageTitle');
  for (const [attr, set] of /** @type {[string, (el: HTMLElement, s: string) => void][]} */ ([
    ['text', (el, s) => { el.textContent = s; }],
    ['label', (el, s) => el.setAttribute('aria-label', s)],
    ['placeholder', (el, s) => el.setAttribute('placeholder', s)],
    ['alt', (el, s) => el.setAttribute('alt', s)],
  ])) {
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(`[data-${attr}]`))) set(el, t(/** @type {any} */ (el.dataset[attr])));
  }
}
