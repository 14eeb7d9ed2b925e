import { decodeHeader, parseMessage } from './index';

describe('mail catcher parsing', () => {
  it('decodes encoded-word headers (RFC 2047) as nodemailer writes them', () => {
    expect(decodeHeader('=?UTF-8?Q?Pengingat_=E2=80=94_360=C2=B0?=')).toBe('Pengingat — 360°');
    expect(decodeHeader(`=?UTF-8?B?${Buffer.from('Batas waktu 10 April').toString('base64')}?=`)).toBe('Batas waktu 10 April');
    expect(decodeHeader('plain 100%41')).toBe('plain 100%41');
  });

  it('reads the subject and a quoted-printable or base64 body', () => {
    const qp = 'Subject: =?UTF-8?Q?Halo_=C3=A9?=\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBaris panjang =\r\nberlanjut, 100%41 =C2=B0\r\n';
    expect(parseMessage(qp)).toEqual({ subject: 'Halo é', text: 'Baris panjang berlanjut, 100%41 °' });
    const b64 = `Subject: Hi\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('Yth. Ani,\r\n').toString('base64')}\r\n`;
    expect(parseMessage(b64)).toEqual({ subject: 'Hi', text: 'Yth. Ani,' });
  });
});
