// @ts-check
// text.js — the only strings the shell writes itself: those shown before the wasm (which holds
// every other string) has loaded, or when it cannot load.

const SHELL_TEXT = {
  en: {
    loading: 'Loading the interactive chart…',
    failed: 'The interactive chart could not start:',
  },
  zh: {
    loading: '正在加载交互图表……',
    failed: '交互图表无法启动：',
  },
};

/** The shell's strings for a language tag (`zh…` gets Chinese, anything else English). */
export const shellText = (/** @type {string} */ lang) => SHELL_TEXT[lang.trim().toLowerCase().startsWith('zh') ? 'zh' : 'en'];
