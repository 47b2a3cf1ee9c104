import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A day that breaks the Monday–Friday rule: an official holiday (法定节假日) on a weekday, or a
 * make-up working day (调休上班) on a weekend.
 */
@Entity('calendar_exceptions')
export class CalendarException {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'boolean' })
  workingDay: boolean;

  @Column({ type: 'varchar', length: 50 })
  name: string;
}
