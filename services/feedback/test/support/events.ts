export {
  assessmentFinalized,
  employeeLeft,
  employeeRegistered,
  employeeSnapshot,
  employeeTransferred,
  nextNip,
  type TestEmployee,
  testEmployee,
} from '../../../../test/support/employee-events';
