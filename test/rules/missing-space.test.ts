import rule from '../../rules/missing-space.js'
import { ruleTester } from '../rule-tester.js'

ruleTester(rule, {
  valid: [
    'Prices rose 3.5% to 17,000 yuan at 10:30.',
    'The ratio was 3:1 in the final.',
    'The U.S. team, e.g. the coach, met at 9 a.m. today, i.e. early.',
    'See www.gov.cn/xinwen or https://example.com/News?Id=3 for details.',
    'Write to press.office@example.com or Info@Example.Org today.',
    'Open report.pdf with v1.2.3 of Node.js.',
    'Wait... Then it happened?! No one knew.',
    'He said,"we will go."',
    'House No.1 and No.2 stand on the corner.',
    'The header name,age,city comes first.',
    'Tom &amp;Jerry is on tonight.',
    'Visit example.Com or ASP.NET today.',
    'John 3:16, a 2:1 win, localhost:8080 and mailto:Press@example.com.',
    'Temperatures fell to -5 °C; rain fell in 2021-2022.',
    'The workers\' union said: "Yes."',
    'Call at 10:30 a.m.; the Ph.D. student, Dr. Li, agreed.',
    'Classes like java.util.List and obj.toString() are code.',
    '- First item, then the second - and a dash — here.',
    'Use ttk.Notebook instead; ctypes.OleDLL calls and config.ConfigChanges objects.',
    'Generalize {Rc,Arc}::make_mut() and to_{lower,upper}case for char.',
    'TL;DR: the 1stG team and TL,DR notes.',
    '请拨打电话,然后等待;好的!谢谢:Hunan 中文.The end',
    'In the 21st century the 3rd and 4th floors were rebuilt, 5th-floor rooms too.',
    'Wait...(laughs) the U.S.(2020) data, see https://example.org/a.(b) or call f(x).',
    'The file(s) are here; (s)he signed the form.(Stamped.',
  ],
  invalid: [
    {
      text: 'Huaxin Co., Ltd.(hereinafter "the Company") hereby announces its results.',
      output: 'Huaxin Co., Ltd. (hereinafter "the Company") hereby announces its results.',
      errors: [
        { column: 16, message: 'Unexpected `Ltd.(hereinafter`, expected `Ltd. (hereinafter`' },
      ],
    },
    {
      text: 'a year-on-year increase of 59%and 35%.',
      output: 'a year-on-year increase of 59% and 35%.',
      errors: [{ column: 30, actual: '%', message: 'Unexpected `59%and`, expected `59% and`' }],
    },
    {
      text: 'Since the operation,the city has solved 700 cases.',
      output: 'Since the operation, the city has solved 700 cases.',
      errors: [{ column: 20, message: 'Unexpected `operation,the`, expected `operation, the`' }],
    },
    {
      text: 'Sudden!A fire broke out in a building.',
      output: 'Sudden! A fire broke out in a building.',
      errors: [{ column: 7 }],
    },
    {
      text: 'The police released the results.The public welcomed them.',
      output: 'The police released the results. The public welcomed them.',
      errors: [{ column: 32 }],
    },
    {
      text: 'Stop at the end;then start again.',
      output: 'Stop at the end; then start again.',
      errors: 1,
    },
    {
      text: 'Author:Hunan Police Time:2022.08.10',
      output: 'Author: Hunan Police Time: 2022.08.10',
      errors: [{ column: 7 }, { column: 25 }],
    },
    {
      text: 'What happened?!Nobody knows.',
      output: 'What happened?! Nobody knows.',
      errors: [{ actual: '?!' }],
    },
    {
      text: 'The plan was ready in 2022.The work began.',
      output: 'The plan was ready in 2022. The work began.',
      errors: 1,
    },
    { text: 'The rate was 5%,the highest.', output: 'The rate was 5%, the highest.', errors: 1 },
    { text: 'Is it safe?Yes, it is.', output: 'Is it safe? Yes, it is.', errors: 1 },
    {
      text: 'He visited Hunan,Hubei and Jiangxi.',
      output: 'He visited Hunan, Hubei and Jiangxi.',
      errors: 1,
    },
    {
      text: 'The fire spread.A resident called the police.',
      output: 'The fire spread. A resident called the police.',
      errors: 1,
    },
    {
      text: 'Officers checked the results.Police arrested 20 people.',
      output: 'Officers checked the results. Police arrested 20 people.',
      errors: 1,
    },
    {
      text: 'On August 11thA fire broke out.',
      output: 'On August 11th A fire broke out.',
      errors: [{ actual: 'th', message: 'Unexpected `11thA`, expected `11th A`' }],
    },
  ],
})
