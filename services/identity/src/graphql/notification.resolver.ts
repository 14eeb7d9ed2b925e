import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';

import type { MarkNotificationsRead, ReadNotifications } from '../application/notifications';
import type { Employee } from '../domain/employee';
import { type MessageLanguage, type Notification, notificationMessage, type ReminderStep } from '../domain/notification';
import type { IdentityContext } from './context';
import { EmployeeType, PageInfoType } from './types';

const ReminderStepEnum = {
  PLAN_SUBMISSION: 'PLAN_SUBMISSION',
  REALIZATION_REPORT: 'REALIZATION_REPORT',
  ASSESSMENT_FINALIZATION: 'ASSESSMENT_FINALIZATION',
  FEEDBACK_RESPONSE: 'FEEDBACK_RESPONSE',
} as const satisfies Record<ReminderStep, ReminderStep>;
registerEnumType(ReminderStepEnum, {
  name: 'ReminderStep',
  description: 'What a deadline reminder asks: submit the plan, report realizations, finalize assessments, answer 360° requests',
});

const MessageLanguageEnum = { ID: 'ID', EN: 'EN' } as const;
registerEnumType(MessageLanguageEnum, { name: 'MessageLanguage', description: 'Indonesian (ID) or English (EN)' });

@ObjectType('Notification', { description: 'A deadline reminder in the app (pengingat batas waktu), unread until marked read' })
export class NotificationType {
  @Field(() => ID) id!: string;
  @Field(() => ReminderStepEnum) step!: ReminderStep;
  @Field(() => ID, { description: 'The performance period or 360° cycle whose deadline it is' }) subjectId!: string;
  @Field({ description: 'The deadline, YYYY-MM-DD in the agency’s time zone' }) deadline!: string;
  @Field(() => Int, { description: 'Sent this many days before the deadline' }) daysBefore!: number;
  @Field(() => Int, { description: 'How much was outstanding: 1 plan, indicators, assessments or 360° requests' }) pending!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt!: Date | null;
}

@ObjectType('NotificationEdge')
class NotificationEdgeType {
  @Field() cursor!: string;
  @Field(() => NotificationType) node!: Notification;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionType {
  @Field(() => [NotificationEdgeType]) edges!: NotificationEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'Unread notifications in all, whatever the page' }) unreadCount!: number;
}

@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(private readonly markRead: MarkNotificationsRead) {}

  @FieldResolver(() => String, { description: 'The reminder in words' })
  message(@Root() notification: Notification, @Arg('language', () => MessageLanguageEnum, { defaultValue: 'ID' }) language: 'ID' | 'EN'): string {
    return notificationMessage(notification, language.toLowerCase() as MessageLanguage);
  }

  @FieldResolver(() => Boolean)
  read(@Root() notification: Notification): boolean {
    return notification.readAt !== null;
  }

  @Mutation(() => [NotificationType], { description: 'Marks the signed-in employee’s notifications read; ids not theirs are ignored' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: IdentityContext): Promise<Notification[]> {
    return this.markRead.execute(context.viewer, ids);
  }
}

@Resolver(() => EmployeeType)
export class EmployeeNotificationsResolver {
  constructor(private readonly readNotifications: ReadNotifications) {}

  @FieldResolver(() => NotificationConnectionType, {
    description: 'The employee’s reminders, newest first (only the employee themself: `me { notifications }`)',
  })
  async notifications(
    @Root() employee: Employee,
    @Ctx() context: IdentityContext,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<NotificationConnectionType> {
    const page = await this.readNotifications.execute(context.viewer, employee.id, { unreadOnly, first, after: after ?? null });
    const edges = page.items.map((node) => ({ cursor: node.id, node }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, unreadCount: page.unreadCount };
  }
}
