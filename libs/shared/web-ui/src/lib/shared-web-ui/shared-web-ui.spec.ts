import { ComponentFixture, TestBed } from '@angular/core/testing';
import { SharedWebUi } from './shared-web-ui';

describe('SharedWebUi', () => {
  let component: SharedWebUi;
  let fixture: ComponentFixture<SharedWebUi>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [SharedWebUi]
    }).compileComponents();

    fixture = TestBed.createComponent(SharedWebUi);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
