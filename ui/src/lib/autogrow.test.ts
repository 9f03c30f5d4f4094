import { describe, expect, it } from 'vitest';
import { oneLine } from './autogrow';

describe('oneLine', () => {
  it('turns every kind of pasted line break into a space', () => {
    expect(oneLine('Registrar\nOffice\r\nof the\rProvost')).toBe('Registrar Office of the Provost');
  });
  it('leaves one line as it is', () => {
    expect(oneLine('Dr. Amara Osei, Centre for Teaching & Learning')).toBe('Dr. Amara Osei, Centre for Teaching & Learning');
  });
});
