import rule from '../../rules/scrape-residue.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'He paused... then went on.',
    'The mayor said: "We will see what happens next..." and left the hall.\nReporters waited outside.',
    'Prices rose 5-10% in 2010-2020; temperatures fell to -5 degrees.',
    '- Opening hours: 10:00-18:00\n- Weekend: closed',
    'The End',
    'At the END of the day, the plan — ambitious — held.',
    'Read more about the policy on the city website before you apply.',
    'Scan the QR code to download the app.',
    'Source: Xinhua\nEditor: Li Yan',
    'Visit https://example.com/end or write to end@example.com.',
    'The U.S. team, e.g. the coaches, met at 3.5 p.m.',
    '"I thought..." she began.\n"You thought what?" he asked.',
    'It was a long story.\nAnd so it goes...',
    'She said ‘the end’ and meant it; it’s “over”.',
  ],
  invalid: [
    {
      text: 'The work will continue.\n- END -\nA related headline',
      output: 'The work will continue.\nA related headline',
      errors: [
        {
          line: 2,
          column: 1,
          actual: '- END -',
          message: 'Unexpected scraper divider `- END -`: delete the line',
        },
      ],
    },
    { text: 'The work will continue.\n—END—\n', output: 'The work will continue.\n', errors: 1 },
    {
      text: 'Body text here.\n(End)\nMore text here.',
      output: 'Body text here.\nMore text here.',
      errors: 1,
    },
    {
      text: 'Body text here.\r\n[END]\r\nMore text.',
      output: 'Body text here.\r\nMore text.',
      errors: 1,
    },
    {
      text: 'Body text here.\n\n-end-\n\nNext part.',
      output: 'Body text here.\n\nNext part.',
      errors: 1,
    },
    {
      text:
        'Police will continue the action.\n- END -\nCounty prosecutors cheer for the officers\n' +
        'The daily in the city (reporter Zhou Hui, a reporter from H...\nA fire broke out in a tower block!\n' +
        'On August 11, a fire occurred in a building in a community in Jiangxi ...\n',
      output:
        'Police will continue the action.\nCounty prosecutors cheer for the officers\n' +
        'A fire broke out in a tower block!\n',
      errors: [
        { line: 2 },
        { line: 4, message: /truncated teaser/ },
        { line: 6, message: /truncated teaser/ },
      ],
    },
    {
      text:
        'The report ends here.\nThe county held a meeting on flood control in the next ...\n' +
        'Residents of the old town were moved to safer homes in…\n',
      output: 'The report ends here.\nResidents of the old town were moved to safer homes in…\n',
      errors: 2,
    },
    {
      text: 'Officials met.\nClick to read more >>\nThe plan',
      output: 'Officials met.\nThe plan',
      errors: 1,
    },
    {
      text: 'Officials met.\nScan the QR code to follow us\n',
      output: 'Officials met.\n',
      errors: 1,
    },
    {
      text: 'Officials met.\nShare to WeChat Share to Weibo\nNext',
      output: 'Officials met.\nNext',
      errors: 1,
    },
    {
      text: 'Police held a press conference\nAuthor:City Public Security Time:2022.08.10\nOn August 10, police said.',
      output: 'Police held a press conference\nOn August 10, police said.',
      errors: [{ line: 2, message: /^Unexpected page boilerplate/ }],
    },
    {
      text: 'The story ends.\nRecommended reading\nFlood defences were raised along the river banks in...\nMore text.',
      output: 'The story ends.\nFlood defences were raised along the river banks in...\nMore text.',
      errors: 2,
    },
  ],
})
