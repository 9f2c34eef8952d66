import type { Metadata } from 'next';
import './globals.css';
import { AccountLinks } from '@/components/admin/AccountLinks';

export const metadata: Metadata = {
  title: 'Corridor — cited refugee and evacuation figures',
  description: 'Refugee totals, evacuee counts and evacuation buses over time, every number tied to its source.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="brand">Corridor</a>
          <nav aria-label="Main" className="site-nav">
            <a href="/">Overview</a>
            <a href="/figures">Figures</a>
            <a href="/sources">Sources</a>
          </nav>
          <AccountLinks />
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
