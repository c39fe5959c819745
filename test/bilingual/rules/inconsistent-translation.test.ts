import rule from '../../../rules/bilingual/inconsistent-translation.js'
import { bilingualRuleTester } from '../tester.js'

bilingualRuleTester(rule, {
  valid: [
    {
      pairs: [
        ['扫黑除恶', 'anti-organized crime'],
        ['扫黑除恶', 'anti-organized crime'],
      ],
    },
    {
      pairs: [
        ['扫黑除恶', 'anti-organized crime'],
        ['扫黑除恶', '  anti-organized   crime '],
      ],
    },
    {
      pairs: [
        ['扫黑除恶', 'Anti-organized crime'],
        ['扫黑除恶', 'anti-organized crime'],
      ],
    },
    {
      pairs: [
        ['扫黑除恶', 'anti-organized crime'],
        ['扫黑除恶', ''],
      ],
    },
    {
      pairs: [
        ['是', 'Yes'],
        ['是', 'is'],
      ],
    },
    {
      pairs: [
        ['扫黑除恶', 'anti-organized crime'],
        ['专项斗争', 'special campaign'],
      ],
    },
    {
      pairs: [
        ['OK', 'OK'],
        ['OK', 'Fine'],
      ],
    },
    {
      pairs: [
        ['首页', 'Home'],
        ['返回首页', 'Back to home'],
      ],
    },
    {
      pairs: [
        ['百日行动', '"Hundred Days" action'],
        ['百日行动', '"Hundred Days" action'],
        ['百日行动', '"Hundred Days" action'],
      ],
    },
    {
      pairs: [
        ['新闻发布会', 'Press conference'],
        ['新 闻 发 布 会', 'Press conference'],
      ],
    },
    { pairs: [['新闻发布会', 'Press conference']] },
    {
      pairs: [
        ['', ''],
        ['', 'x'],
      ],
    },
  ],
  invalid: [
    {
      pairs: [
        ['扫黑除恶专项斗争', 'the campaign against organized crime'],
        ['扫黑除恶专项斗争', 'the special struggle to sweep black and eliminate evil'],
      ],
      output: 'the campaign against organized crime\nthe campaign against organized crime',
      errors: [
        {
          message:
            'The same source is translated differently on line 1: `the campaign against organized crime`',
          line: 2,
        },
      ],
    },
    {
      pairs: [
        ['百日行动', 'Hundred Days Action'],
        ['夏季行动', 'Summer action'],
        ['百日行动', '100-day action'],
      ],
      output: 'Hundred Days Action\nSummer action\nHundred Days Action',
      errors: [{ line: 3 }],
    },
    {
      pairs: [
        ['百日行动', 'Hundred Days Action'],
        ['百日行动', '100-day action'],
        ['百日行动', 'Hundred Days Campaign'],
      ],
      output: 'Hundred Days Action\nHundred Days Action\nHundred Days Action',
      errors: [{ line: 2 }, { line: 3 }],
    },
    {
      pairs: [
        ['新闻发布会', 'Press conference'],
        ['新闻发布会', 'News release meeting'],
      ],
      output: 'Press conference\nPress conference',
      errors: 1,
    },
    {
      pairs: [
        ['省公安厅', 'Provincial Public Security Department'],
        ['省公安厅', 'Provincial Department of Public Security'],
      ],
      output: 'Provincial Public Security Department\nProvincial Public Security Department',
      errors: 1,
    },
    {
      pairs: [
        ['返回', 'Back'],
        ['返回', 'Return'],
      ],
      output: 'Back\nBack',
      errors: 1,
    },
    {
      pairs: [
        ['新闻发布会', 'Press conference'],
        ['新 闻发布会 ', 'Press briefing'],
      ],
      output: 'Press conference\nPress conference',
      errors: 1,
    },
    {
      pairs: [
        ['联系我们', 'Contact us'],
        ['关于我们', 'About us'],
        ['联系我们', 'Get in touch'],
        ['关于我们', 'About'],
      ],
      output: 'Contact us\nAbout us\nContact us\nAbout us',
      errors: [{ line: 3 }, { line: 4 }],
    },
  ],
})
