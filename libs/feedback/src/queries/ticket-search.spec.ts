import { searchIntent } from './ticket-search';

describe('what a search text of the ticket list means', () => {
  it.each([
    ['PA260323-K7QX2', { codePrefix: 'PA260323-K7QX2', phone: null, subjectWords: '+PA260323* +K7QX2*' }],
    ['pa2603', { codePrefix: 'PA2603', namePrefix: 'pa2603', subjectWords: '+pa2603*' }],
    ['0905 111 222', { phone: '+84905111222', namePrefix: null, codePrefix: null }],
    ['+84905111222', { phone: '+84905111222' }],
    ['Phạm Văn Kh', { namePrefix: 'Phạm Văn Kh', phone: null, subjectWords: '+Phạm* +Văn*', subjectPrefix: null }],
    ['  thoát   nước ', { subjectWords: '+thoát* +nước*', namePrefix: 'thoát nước' }],
    // Boolean-mode operators typed by a person are separators, not syntax.
    ['"đèn" -hỏng*', { subjectWords: '+đèn* +hỏng*' }],
    // Only words too short for the FULLTEXT index: the subject's beginning instead.
    ['Hồ sơ', { subjectWords: null, subjectPrefix: 'Hồ sơ' }],
    ['12', { subjectWords: null, subjectPrefix: null, phone: null, codePrefix: '12', namePrefix: null }],
  ])('%j', (text, expected) => {
    expect(searchIntent(text)).toMatchObject(expected);
  });
});
