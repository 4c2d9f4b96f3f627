'use client';
// Loaded lazily by the viewer, so recharts never delays the first rows.
import { EventVolumeChart } from '../charts/event-volume-chart.js';

/** The viewer's slim volume strip: the view's timeline; a drag narrows its time range. */
export default function VolumeStrip() {
  return <EventVolumeChart height={64} />;
}
