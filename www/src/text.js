// @ts-check
// text.js — the only strings the shell writes itself: those shown before the wasm (which holds
// every other string) has loaded, or when it cannot load.

const SHELL_TEXT = {
  en: {
    loading: 'Loading the interactive chart…',
    failed: 'The interactive chart could not start:',
    builtIn: 'Showing the built-in scenario instead.',
    /** @param {string} v */
    notPreset: (v) => `preset: "${v}" is not a preset of this scenario (kept the current inputs)`,
    /** @param {string} v */
    notSeries: (v) => `asset: "${v}" is not a series of this scenario (kept the current one)`,
  },
  zh: {
    loading: '正在加载交互图表……',
    failed: '交互图表无法启动：',
    builtIn: '改为显示内置情景。',
    /** @param {string} v */
    notPreset: (v) => `preset："${v}" 不是本情景的预设（保留当前输入）`,
    /** @param {string} v */
    notSeries: (v) => `asset："${v}" 不是本情景的数据序列（保留当前序列）`,
  },
};

/** The shell's strings for a language tag (`zh…` gets Chinese, anything else English). */
export const shellText = (/** @type {string} */ lang) => SHELL_TEXT[lang.trim().toLowerCase().startsWith('zh') ? 'zh' : 'en'];
