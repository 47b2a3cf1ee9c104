import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A year the holiday table covers, with the State Council notice (国办发明电…) it comes from. */
@Entity('holiday_years')
export class HolidayYear {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 64 })
  notice: string;

  @CreateDateColumn({ type: 'timestamptz' })
  loadedAt: Date;
}
