import { FigureForm } from '@/components/admin/FigureForm';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { figureFormOptions } from '@/lib/figures/adminFigures';
import { createPlaceInlineAction } from '../../places/actions';
import { saveFigureAction } from '../actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New figure — Corridor admin' };

export default async function NewFigurePage() {
  await requirePageActor('createFigure', '/admin/figures/new');
  const options = await figureFormOptions();
  return (
    <section>
      <h1>New figure</h1>
      <FigureForm options={options} initial={{ sourceAccessedAt: toDay() }} actions={{ save: saveFigureAction, createPlace: createPlaceInlineAction }} />
    </section>
  );
}
