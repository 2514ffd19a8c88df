// A QR code of a text (the public lookup address) as an SVG data URL: drawn by the `qrcode`
// package in the browser (no request leaves the page; the CSP allows `img-src data:`). Used by the
// receipt after submission and the printed receipt slip (form 01).
import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

// "" until drawn (or when drawing fails: the address is always printed beside it as text).
export function useQrDataUrl(text: string): string {
  const [url, setUrl] = useState('');
  useEffect(() => {
    let live = true;
    setUrl('');
    if (!text) return;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      (svg) => live && setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text]);
  return url;
}

// The QR image (nothing until drawn); its alt text says what it opens.
export function QrImage({ text, alt, size, testid }: { text: string; alt: string; size: number; testid?: string }) {
  const src = useQrDataUrl(text);
  if (!src) return null;
  return <img class="qr qr--slip" src={src} alt={alt} width={size} height={size} data-testid={testid} />;
}
