// What the health checks say about a target, in both languages (decision 0062).
import { defineMessages } from '../../i18n/text.ts';

export const M = defineMessages('health', {
  answeredIn: {
    en: 'GET /v1/health answered in {durations} ms: the median {median} ms is {within} {limit} ms',
    'zh-Hans': 'GET /v1/health 的应答用时为 {durations} 毫秒：中位数 {median} 毫秒{within} {limit} 毫秒',
  },
  within: { en: 'within', 'zh-Hans': '未超过' },
  over: { en: 'over', 'zh-Hans': '超过' },
});
