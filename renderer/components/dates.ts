// The date pickers' styles and Russian month names, loaded with the cards that have date fields.
import '@mantine/dates/styles.css';
import 'dayjs/locale/ru';
