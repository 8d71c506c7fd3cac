/**
 * The CII risk assessment and management plan for emergencies and war (strategy 8.4.1) as a PDF:
 * the register filtered to CII objects, with each object's recovery plan and its flags. The
 * font is embedded because the built-in PDF fonts lack Azerbaijani letters (ə, ğ, ı, ş).
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Executor } from '../../db/database.ts';
import { fail } from '../../lib/errors.ts';
import { scopeIncludes } from '../../lib/scope.ts';
import { ciiScope } from './cii.policy.ts';
import type { Actor } from '../identity/identity.policy.ts';
import { sectorName } from '../identity/sectors.service.ts';
import * as risks from '../risk/risk.service.ts';
import { listPlans } from './cii.plans.ts';
import { listObjects } from './cii.service.ts';

/** Debian's fonts-dejavu-core (listed in .ci/run). */
export const fontPath = process.env.QALXAN_PDF_FONT ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const labels = {
  az: {
    title: 'Kİİ üzrə risklərin qiymətləndirilməsi və idarə edilməsi planı', subtitle: 'Fövqəladə hallar və müharibə dövrü üçün (Strategiya, 8.4.1)',
    generated: 'Tərtib edilib', object: 'Obyekt', sector: 'Sektor', criticality: 'Kritiklik kateqoriyası', risks: 'Risklər', noRisks: 'Qeydə alınmış risk yoxdur',
    score: 'risk', residual: 'qalıq', treatment: 'müalicə', plan: 'Bərpa planı', noPlan: 'Bərpa planı yoxdur', rto: 'RTO', rpo: 'RPO', hours: 'saat',
    conflict: 'RTO təmin edilə bilməz: asılı olduğu obyektin RTO-su daha uzundur', overdue: 'Baxış tarixi keçib', exercises: 'Təlimlər', review: 'Baxış tarixi',
  },
  en: {
    title: 'CII risk assessment and management plan', subtitle: 'For emergencies and war (Strategy, 8.4.1)',
    generated: 'Generated', object: 'Object', sector: 'Sector', criticality: 'Criticality category', risks: 'Risks', noRisks: 'No risks recorded',
    score: 'risk', residual: 'residual', treatment: 'treatment', plan: 'Recovery plan', noPlan: 'No recovery plan', rto: 'RTO', rpo: 'RPO', hours: 'hours',
    conflict: 'RTO cannot be met: a dependency has a longer RTO', overdue: 'Past its review date', exercises: 'Exercises', review: 'Review date',
  },
};

/** Renders the plan for the CII objects the actor may read (optionally one organisation's). */
export async function planDocument(tx: Executor, actor: Actor, options: { organisationId?: string; lang?: 'az' | 'en' }): Promise<Buffer> {
  if (!fs.existsSync(fontPath)) throw fail.conflict(`The PDF font ${fontPath} is not installed (Debian package fonts-dejavu-core)`);
  if (options.organisationId && !scopeIncludes(ciiScope(actor), options.organisationId)) throw fail.notFound('Organisation');
  const lang = options.lang ?? 'az';
  const t = labels[lang];
  const objects = await listObjects(tx, actor, { organisationId: options.organisationId });
  const register = await risks.list(tx, actor, { cii: true, ciiObjectIds: objects.map((o) => o.id), limit: 1000 });
  const plans = new Map((await listPlans(tx, actor)).map((p) => [p.objectId, p]));
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t.title, Producer: 'Qalxan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  doc.registerFont('body', fontPath);
  doc.font('body');
  doc.fontSize(16).text(t.title).fontSize(11).text(t.subtitle).moveDown(0.5);
  doc.fontSize(9).text(`${t.generated}: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`).moveDown();
  for (const object of objects) {
    doc.fontSize(13).text(`${t.object}: ${object.name}`);
    doc.fontSize(10).text(`${t.sector}: ${sectorName(object.sector, lang)} · ${t.criticality}: ${object.criticality}`);
    const mine = register.filter((r) => r.ciiObjectId === object.id);
    doc.moveDown(0.3).fontSize(11).text(t.risks);
    doc.fontSize(9);
    if (mine.length === 0) doc.text(`  ${t.noRisks}`);
    for (const r of mine) {
      doc.text(`  • ${r.title} — ${r.threatClass}; ${t.score} ${r.inherentScore}${r.residualScore ? `, ${t.residual} ${r.residualScore}` : ''}; ${t.treatment}: ${r.treatment}`);
      for (const a of r.actions) doc.text(`      – ${a.title}${a.dueDate ? ` (${a.dueDate})` : ''}${a.done ? ' ✓' : ''}`);
    }
    const plan = plans.get(object.id);
    doc.moveDown(0.3).fontSize(11).text(t.plan);
    doc.fontSize(9);
    if (!plan) doc.text(`  ${t.noPlan}`);
    else {
      doc.text(`  ${t.rto}: ${plan.rtoHours} ${t.hours} · ${t.rpo}: ${plan.rpoHours} ${t.hours}${plan.reviewDate ? ` · ${t.review}: ${plan.reviewDate}` : ''}`);
      plan.steps.forEach((step, i) => doc.text(`   ${i + 1}. ${step.title}${step.owner ? ` — ${step.owner}` : ''}`));
      if (plan.rtoConflicts.length > 0) doc.fillColor('#b00020').text(`  ! ${t.conflict}`).fillColor('black');
      if (plan.reviewOverdue) doc.fillColor('#b00020').text(`  ! ${t.overdue}`).fillColor('black');
      if (plan.exercises.length > 0) doc.text(`  ${t.exercises}: ${plan.exercises.map((e) => `${e.heldOn} ${e.result}`).join('; ')}`);
    }
    doc.moveDown();
  }
  doc.end();
  return done;
}
