export { Button } from './Button';
export { Field } from './Field';
export { Alert, ErrorAlert, errorText } from './Alert';
export { Spinner, SpinnerIcon } from './Spinner';
export { ProgressBar } from './ProgressBar';
export { Pagination } from './Pagination';
export { StatusBadge } from './StatusBadge';
export { ConfirmButton } from './ConfirmButton';
export { SubNav } from './SubNav';
